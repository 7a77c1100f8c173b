package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Starts sessions and mints the token pair of a session; runs inside the caller's unit of work. */
@ApplicationScoped
public class SessionIssuer {

    static final String REFRESH_TOKEN_PREFIX = "rt_";

    private SessionRepository sessions;
    private AccessTokenIssuer accessTokens;
    private Clock clock;

    protected SessionIssuer() {
        // for CDI proxies
    }

    @Inject
    public SessionIssuer(SessionRepository sessions, AccessTokenIssuer accessTokens, Clock clock) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    public TokenGrant start(
            StoreId store,
            SubjectKind kind,
            String subject,
            String anonymousId,
            SessionLifetimes lifetimes,
            ClientInfo client) {
        Instant now = clock.instant();
        String refreshToken = RandomSecret.generate(REFRESH_TOKEN_PREFIX);
        Session session =
                Session.start(store, kind, subject, anonymousId, lifetimes, client, TokenHash.of(refreshToken), now);
        sessions.insert(session);
        return grant(session, refreshToken, now);
    }

    TokenGrant grant(Session session, String refreshToken, Instant now) {
        Instant ttlEnd = now.plus(session.accessTokenTtl());
        // an access token never outlives its session
        Instant expiresAt = ttlEnd.isAfter(session.expiresAt()) ? session.expiresAt() : ttlEnd;
        String audience = session.store() == null
                ? TokenAudience.MANAGEMENT
                : session.store().value();
        String storeId = session.store() == null ? null : session.store().value();
        String accessToken = accessTokens.issue(new AccessTokenClaims(
                session.subject(),
                audience,
                storeId,
                session.id(),
                List.of(session.kind().group()),
                session.anonymousId(),
                now,
                expiresAt));
        return new TokenGrant(
                accessToken,
                java.time.Duration.between(now, expiresAt).getSeconds(),
                refreshToken,
                session.refreshExpiresIn(now),
                session);
    }
}
