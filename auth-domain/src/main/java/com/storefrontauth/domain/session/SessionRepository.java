package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface SessionRepository {

    void insert(Session session);

    /** The store's session; {@code store} null: a management session (it has no store). */
    Optional<Session> find(StoreId store, SessionId id);

    /** The store's session (null: a management session's) whose current refresh token this is. */
    Optional<Session> findByRefreshHash(StoreId store, TokenHash current);

    /** This refresh token's exchange, when it has been used already in a session of the store (null: management). */
    Optional<SpentRefreshToken> findSpent(StoreId store, TokenHash used);

    /** Whether the session has been revoked, whatever it belongs to: the check behind every bearer token. */
    boolean isRevoked(SessionId id);

    /**
     * Compare-and-set rotation: archives {@code used} as spent and makes {@code next} current, only if
     * {@code used} was never spent before and the session is not revoked. Of two concurrent calls with
     * the same token, exactly one returns true.
     */
    boolean rotate(SessionId id, TokenHash used, TokenHash next, Instant now);

    /** Records a use of the session: its idle time starts over from {@code now}. */
    void touch(SessionId id, Instant now);

    /** @return whether the session was active before */
    boolean revoke(SessionId id, String reason, Instant now);

    /**
     * The store's sessions that are neither revoked nor past their absolute expiry, newest first; only
     * those of {@code subject} when it is not null. (Idle expiry is the caller's to filter.)
     */
    List<Session> listUnrevoked(StoreId store, String subject, Instant now);

    /** Revokes every unrevoked session of the subject in the store but {@code except} (may be null); answers how many. */
    int revokeAllOf(StoreId store, String subject, SessionId except, String reason, Instant now);

    /**
     * One page of the store's usable sessions of {@code kind} (not revoked, not past their absolute expiry,
     * not idle longer than their own idle timeout), newest first; only {@code subject}'s when not null.
     */
    Page<Session> pageActive(StoreId store, SubjectKind kind, String subject, Instant now, PageRequest request);

    /**
     * How many sessions {@link #pageActive} would list in all, without a subject filter, counting no further
     * than {@code limit}: the work stops there however many the store has.
     */
    long countActive(StoreId store, SubjectKind kind, Instant now, long limit);

    /** Revokes every unrevoked management session (no store) of a merchant account; answers how many. */
    int revokeAllOfAccount(String subject, String reason, Instant now);

    /** The database's clock, which revocations are recorded and polled by (instances' clocks may disagree). */
    Instant databaseTime();

    /**
     * Sessions whose revocation the database recorded after {@code since} (by {@link #databaseTime}): what
     * every instance polls to refuse their access tokens.
     */
    List<Revocation> revokedSince(Instant since);

    /** A revoked session and the database time its revocation was recorded at. */
    record Revocation(SessionId id, Instant recordedAt) {}

    /**
     * Deletes up to {@code limit} sessions, across stores, that ended before {@code before}, by revocation or
     * by time ({@link Session#usableUntil}: idle time or absolute expiry), oldest first, with their spent
     * refresh tokens and opaque access tokens; how many sessions.
     */
    int deleteEndedBefore(Instant before, int limit);
}
