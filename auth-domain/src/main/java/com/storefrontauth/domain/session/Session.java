package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;

/**
 * One sign-in, and the family of refresh tokens it hands out. Only the hash of the current refresh
 * token is kept here; used hashes are archived so that presenting one again is recognised as reuse.
 * A session is usable while it is neither revoked, past its absolute expiry, nor idle too long.
 */
public class Session {

    private final SessionId id;
    private final StoreId store;
    private final SubjectKind kind;
    private final String subject;
    private final String anonymousId;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant expiresAt;
    private final Duration idleTimeout;
    private final Duration accessTokenTtl;
    private final Instant revokedAt;
    private final String revokeReason;
    private final ClientInfo client;
    private final TokenHash refreshHash;

    public Session(
            SessionId id,
            StoreId store,
            SubjectKind kind,
            String subject,
            String anonymousId,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            Duration idleTimeout,
            Duration accessTokenTtl,
            Instant revokedAt,
            String revokeReason,
            ClientInfo client,
            TokenHash refreshHash) {
        this.id = id;
        this.store = store;
        this.kind = kind;
        this.subject = subject;
        this.anonymousId = anonymousId;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.expiresAt = expiresAt;
        this.idleTimeout = idleTimeout;
        this.accessTokenTtl = accessTokenTtl;
        this.revokedAt = revokedAt;
        this.revokeReason = revokeReason;
        this.client = client;
        this.refreshHash = refreshHash;
    }

    static Session start(
            StoreId store,
            SubjectKind kind,
            String subject,
            String anonymousId,
            SessionLifetimes lifetimes,
            ClientInfo client,
            TokenHash refreshHash,
            Instant now) {
        return new Session(
                SessionId.generate(),
                store,
                kind,
                subject,
                anonymousId,
                now,
                now,
                now.plus(lifetimes.absolute()),
                lifetimes.idle(),
                lifetimes.accessToken(),
                null,
                null,
                client,
                refreshHash);
    }

    /** The one usability predicate: not revoked, not past its absolute expiry, not idle too long. */
    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(usableUntil());
    }

    /**
     * When the session stops being usable unless it is used again first (or revoked sooner): the end of its idle
     * window, or its absolute expiry if that comes first.
     */
    public Instant usableUntil() {
        Instant idleEnd = lastUsedAt.plus(idleTimeout);
        return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
    }

    /** The session after a successful rotation: a new current token, used now. */
    Session rotatedTo(TokenHash newRefreshHash, Instant now) {
        return new Session(
                id,
                store,
                kind,
                subject,
                anonymousId,
                createdAt,
                now,
                expiresAt,
                idleTimeout,
                accessTokenTtl,
                null,
                null,
                client,
                newRefreshHash);
    }

    /** Seconds the current refresh token stays usable if the session is not used again. */
    public long refreshExpiresIn(Instant now) {
        return Math.max(0, Duration.between(now, usableUntil()).getSeconds());
    }

    public SessionId id() {
        return id;
    }

    public StoreId store() {
        return store;
    }

    public SubjectKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String anonymousId() {
        return anonymousId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokeReason() {
        return revokeReason;
    }

    public ClientInfo client() {
        return client;
    }

    public TokenHash refreshHash() {
        return refreshHash;
    }
}
