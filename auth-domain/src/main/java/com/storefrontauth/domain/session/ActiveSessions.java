package com.storefrontauth.domain.session;

import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Whether the session behind an access token is still usable: our routes refuse revoked sessions at once. */
@ApplicationScoped
@Transactional
public class ActiveSessions {

    @Inject
    SessionRepository sessions;

    @Inject
    Clock clock;

    /** The store's session (null: a management session) while it is usable. */
    public Optional<Session> find(StoreId store, SessionId id) {
        return sessions.find(store, id).filter(session -> session.isActive(clock.instant()));
    }
}
