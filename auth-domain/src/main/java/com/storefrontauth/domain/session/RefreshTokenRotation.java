package com.storefrontauth.domain.session;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Single-use refresh tokens (OAuth 2.0 Security BCP §4.14). A presented token is exchanged for a new
 * pair through a compare-and-set, so of two concurrent presentations exactly one wins. Presenting a
 * spent token again is reuse: the whole session is revoked, the newest token included, and a
 * {@code refresh_token_reused} event recorded — both survive the refused request. One exception forgives
 * a lost answer: within the store's {@code refresh_reuse_grace_seconds} of its exchange, the token spent
 * last may be presented again while its successor has never been used; that retry is answered the same
 * successor (derived, not stored: {@link RefreshSuccessors}) with a fresh access token, so every client of
 * the chain ends up holding its one live refresh token.
 */
@ApplicationScoped
public class RefreshTokenRotation {

    private SessionRepository sessions;
    private SessionIssuer issuer;
    private AuditLog audit;
    private Transactions transactions;
    private SessionEnding ending;
    private RefreshSuccessors successors;
    private StoreDirectory stores;
    private Clock clock;

    protected RefreshTokenRotation() {
        // for CDI proxies
    }

    @Inject
    public RefreshTokenRotation(
            SessionRepository sessions,
            SessionIssuer issuer,
            AuditLog audit,
            Transactions transactions,
            SessionEnding ending,
            RefreshSuccessors successors,
            StoreDirectory stores,
            Clock clock) {
        this.sessions = sessions;
        this.issuer = issuer;
        this.audit = audit;
        this.transactions = transactions;
        this.ending = ending;
        this.successors = successors;
        this.stores = stores;
        this.clock = clock;
    }

    public TokenGrant rotate(String presented, RefreshScope scope, ClientInfo client) {
        TokenHash used = hashOf(presented);
        Instant now = clock.instant();
        String nextToken = successors.of(presented);
        TokenHash next = TokenHash.of(nextToken);
        Optional<TokenGrant> rotated = transactions.required(() -> sessions.findByRefreshHash(scope.store(), used)
                .map(session -> {
                    if (!session.isActive(now)) {
                        throw invalid();
                    }
                    if (!sessions.rotate(session.id(), used, next, now)) {
                        // a concurrent presentation won the exchange: this one may still be its retry
                        return null;
                    }
                    audit.record(
                            session.store(),
                            AuditEventType.TOKEN_REFRESHED,
                            session.subject(),
                            client,
                            Map.of("session_id", session.id().value()));
                    return issuer.grant(session.rotatedTo(next, now), nextToken, now);
                }));
        return rotated.or(() -> retried(used, next, nextToken, scope, client, now))
                .orElseThrow(() -> {
                    revokeOnReuse(used, scope, client);
                    return invalid();
                });
    }

    /**
     * The token spent last presented again within the grace period, while its successor is still the
     * session's current token (never used): answered that successor again, with a fresh access token.
     */
    private Optional<TokenGrant> retried(
            TokenHash used, TokenHash next, String nextToken, RefreshScope scope, ClientInfo client, Instant now) {
        return transactions.required(() -> sessions.findSpent(scope.store(), used)
                .flatMap(spent -> sessions.findByRefreshHash(scope.store(), next)
                        .filter(session -> session.id().equals(spent.session()))
                        .filter(session -> session.isActive(now))
                        .filter(session -> withinGrace(spent, graceOf(session)))
                        .map(session -> {
                            sessions.touch(session.id(), now);
                            audit.record(
                                    session.store(),
                                    AuditEventType.TOKEN_REFRESHED,
                                    session.subject(),
                                    client,
                                    Map.of("session_id", session.id().value(), "retry", "true"));
                            return issuer.grant(session, nextToken, now);
                        })));
    }

    /**
     * Read by the clock now, not at the request's start: a request that waited for the winner of a race
     * would otherwise see the winner's exchange in its future, inside any grace, even none.
     */
    private boolean withinGrace(SpentRefreshToken spent, Duration grace) {
        return !grace.isZero() && clock.instant().isBefore(spent.usedAt().plus(grace));
    }

    /** The grace of the session's store as it is now; management sessions have the default policy's. */
    private Duration graceOf(Session session) {
        return Optional.ofNullable(session.store())
                .flatMap(stores::find)
                .map(Store::policy)
                .orElse(LoginPolicy.defaults())
                .refreshReuseGrace();
    }

    /** Ends the session of a refresh token (spent or current). */
    public void logout(String presented, RefreshScope scope, ClientInfo client) {
        TokenHash hash = hashOf(presented);
        Session session = transactions.required(() -> sessions.findByRefreshHash(scope.store(), hash)
                .or(() -> spentIn(scope, hash))
                .orElseThrow(RefreshTokenRotation::invalid));
        logout(session, client);
    }

    /** Ends a session the caller already identified by its bearer token. */
    public void logout(Session session, ClientInfo client) {
        SessionEnding.Reason reason = SessionEnding.Reason.LOGOUT;
        ending.end(
                session,
                reason,
                new SessionEnding.Event(
                        AuditEventType.LOGOUT, session.subject(), client, Map.of("reason", reason.wireValue())));
    }

    private void revokeOnReuse(TokenHash used, RefreshScope scope, ClientInfo client) {
        transactions.independent(() -> spentIn(scope, used)
                .ifPresent(session -> ending.end(
                        session,
                        SessionEnding.Reason.REFRESH_TOKEN_REUSED,
                        SessionEnding.Event.of(AuditEventType.REFRESH_TOKEN_REUSED, session.subject(), client))));
    }

    /** The session a spent refresh token of the scope was exchanged in. */
    private Optional<Session> spentIn(RefreshScope scope, TokenHash used) {
        return sessions.findSpent(scope.store(), used).flatMap(spent -> sessions.find(scope.store(), spent.session()));
    }

    private static TokenHash hashOf(String presented) {
        if (presented == null
                || !presented.startsWith(SessionIssuer.REFRESH_TOKEN_PREFIX)
                || presented.length() > 200) {
            throw invalid();
        }
        return TokenHash.of(presented);
    }

    private static DomainException invalid() {
        return new DomainException(
                ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is unknown, expired, revoked or already used.");
    }
}
