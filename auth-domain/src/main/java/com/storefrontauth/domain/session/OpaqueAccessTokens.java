package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Opaque access tokens for accounts whose clients expect one long-lived token instead of a JWT and a
 * refresh token. A token is a random string kept only as its hash; it acts for a session of its own,
 * so it ends like any session (logout, password change or reset, revocation) and stays usable for
 * {@link #IDLE} after its last use.
 */
@ApplicationScoped
public class OpaqueAccessTokens {

    static final String PREFIX = "oat_";
    static final Duration IDLE = Duration.ofDays(30);
    /** However busy, a token ends a year after sign-in (the session's absolute expiry). */
    static final SessionLifetimes LIFETIMES = new SessionLifetimes(IDLE, Duration.ofDays(365), IDLE);

    private static final int MAX_TOKEN_LENGTH = 200;

    private OpaqueAccessTokenRepository tokens;
    private SessionRepository sessions;
    private Clock clock;

    protected OpaqueAccessTokens() {
        // for CDI proxies
    }

    @Inject
    public OpaqueAccessTokens(OpaqueAccessTokenRepository tokens, SessionRepository sessions, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Starts a session (no store) behind a new token; runs inside the caller's unit of work. */
    public OpaqueGrant issue(SubjectKind kind, String subject, ClientInfo client) {
        Instant now = clock.instant();
        String token = RandomSecret.generate(PREFIX);
        // the session's refresh hash is of a secret handed to nobody: this session is never refreshed
        Session session = Session.start(
                null, kind, subject, null, LIFETIMES, client, TokenHash.of(RandomSecret.generate("")), now);
        sessions.insert(session);
        tokens.insert(TokenHash.of(token), session.id());
        return new OpaqueGrant(token, session);
    }

    /**
     * The active session behind a token, which this use keeps alive for another {@link #IDLE}; empty for
     * an unknown, ended or idle token. Runs inside the caller's unit of work.
     */
    public Optional<Session> use(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Session> active = tokens.findSession(TokenHash.of(token))
                .flatMap(id -> sessions.find(null, id))
                .filter(session -> session.isActive(now));
        active.ifPresent(session -> sessions.touch(session.id(), now));
        return active;
    }
}
