package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Whether the session behind an access token is still usable: our routes refuse revoked sessions at once. */
@ApplicationScoped
@UnitOfWork
public class ActiveSessions {

    @Inject
    SessionRepository sessions;

    @Inject
    Clock clock;

    public Optional<Session> find(SessionId id) {
        return sessions.find(id).filter(session -> session.isActive(clock.instant()));
    }
}
