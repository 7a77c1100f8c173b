package com.storefrontauth.domain.session;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.PublicId;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Guest sessions: a cart can be kept before sign-in, and linked by {@code anonymous_id} after it. */
@ApplicationScoped
@Transactional
public class GuestSessions {

    public static final String GUEST_PREFIX = "anon_";

    @Inject
    SessionIssuer issuer;

    @Inject
    AuditLog audit;

    public TokenGrant start(Store store, ClientInfo client) {
        String guest = PublicId.generate(GUEST_PREFIX);
        TokenGrant grant =
                issuer.start(store.id(), SubjectKind.GUEST, guest, null, SessionLifetimes.of(store.policy()), client);
        audit.record(
                store.id(),
                AuditEventType.GUEST_SESSION_STARTED,
                guest,
                client,
                Map.of("session_id", grant.session().id().value()));
        return grant;
    }
}
