package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SpentRefreshToken;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and their refresh-token families on JPA. Rotation is a compare-and-set whose arbiter is the
 * primary key of {@code used_refresh_tokens}: of two transactions spending the same token, exactly one
 * inserts it; the other waits for the first to finish and then finds the key taken.
 */
@ApplicationScoped
public class JpaSessionRepository implements SessionRepository {

    /**
     * Native SQL through {@link Sql#insertUnlessDuplicate}, on the transaction's enlisted connection: JPA
     * cannot insert a row that may be refused without failing the transaction (a persist that meets the key
     * marks it rollback-only, and PostgreSQL aborts it), while {@code ON CONFLICT DO NOTHING} on PostgreSQL
     * answers "taken" and lets the transaction go on.
     */
    private static final String SPEND =
            "INSERT INTO used_refresh_tokens (token_hash, session_id, used_at) VALUES (?, ?, ?)";

    private static final String COUNT_ACTIVE_UP_TO = "SELECT COUNT(*) FROM (SELECT 1 AS active FROM sessions"
            + " WHERE store_id = ?1 AND subject_kind = ?2 AND revoked_at IS NULL AND usable_until > ?3"
            + " LIMIT ?4) counted";

    @Inject
    Jpa jpa;

    @Inject
    Sql sql;

    protected JpaSessionRepository() {
        // for CDI
    }

    public JpaSessionRepository(Jpa jpa, Sql sql) {
        this.jpa = jpa;
        this.sql = sql;
    }

    @Override
    public void insert(Session session) {
        jpa.run("insert a session", em -> {
            em.persist(SessionEntity.of(session));
            em.flush();
            return null;
        });
    }

    /** Management sessions have no store: a finder given none looks among them only. */
    @Override
    public Optional<Session> find(StoreId store, SessionId id) {
        return jpa.read(
                "find a session",
                em -> first(ofStore(em, store, SessionEntity.FIND_IN_STORE, SessionEntity.FIND_IN_MANAGEMENT)
                        .setParameter("id", id.value())));
    }

    @Override
    public Optional<Session> findByRefreshHash(StoreId store, TokenHash current) {
        return jpa.read(
                "find a session by its refresh token",
                em -> first(
                        ofStore(em, store, SessionEntity.BY_REFRESH_IN_STORE, SessionEntity.BY_REFRESH_IN_MANAGEMENT)
                                .setParameter("hash", current.hex())));
    }

    @Override
    public Optional<SpentRefreshToken> findSpent(StoreId store, TokenHash used) {
        return jpa.read("find a spent refresh token", em -> {
            TypedQuery<Object[]> query = store == null
                    ? em.createNamedQuery(UsedRefreshTokenEntity.SPENT_IN_MANAGEMENT, Object[].class)
                    : em.createNamedQuery(UsedRefreshTokenEntity.SPENT_IN_STORE, Object[].class)
                            .setParameter("store", store.value());
            return query.setParameter("hash", used.hex()).getResultList().stream()
                    .findFirst()
                    .map(row -> new SpentRefreshToken(
                            new SessionId((String) row[0]), Timestamps.instant((OffsetDateTime) row[1])));
        });
    }

    @Override
    public boolean isRevoked(SessionId id) {
        return jpa.read(
                "check a session's revocation",
                em -> !em.createNamedQuery(SessionEntity.REVOKED, String.class)
                        .setParameter("id", id.value())
                        .getResultList()
                        .isEmpty());
    }

    /**
     * Spends {@code used} first: the insert decides the race. Then moves the session to {@code next}, only
     * while {@code used} is its current token and it is not revoked; when that finds no row, the spend is
     * undone (deleted again) so the caller's transaction stays clean, and the answer is false.
     */
    @Override
    public boolean rotate(SessionId id, TokenHash used, TokenHash next, Instant now) {
        return jpa.run("rotate a refresh token", em -> {
            if (!sql.insertUnlessDuplicate(SPEND, "(token_hash)", used.hex(), id.value(), now)) {
                return false;
            }
            int moved = em.createNamedQuery(SessionEntity.MOVE)
                    .setParameter("next", next.hex())
                    .setParameter("now", Timestamps.utc(now))
                    .setParameter("id", id.value())
                    .setParameter("used", used.hex())
                    .executeUpdate();
            if (moved == 1) {
                return true;
            }
            em.createNamedQuery(UsedRefreshTokenEntity.UNSPEND)
                    .setParameter("hash", used.hex())
                    .executeUpdate();
            return false;
        });
    }

    @Override
    public void touch(SessionId id, Instant now) {
        jpa.run(
                "record a session's use",
                em -> em.createNamedQuery(SessionEntity.TOUCH)
                        .setParameter("now", Timestamps.utc(now))
                        .setParameter("id", id.value())
                        .executeUpdate());
    }

    @Override
    public boolean revoke(SessionId id, String reason, Instant now) {
        return jpa.run(
                        "revoke a session",
                        em -> revocation(em, SessionEntity.REVOKE, reason, now)
                                .setParameter("id", id.value())
                                .executeUpdate())
                > 0;
    }

    @Override
    public List<Session> listUnrevoked(StoreId store, String subject, Instant now) {
        return jpa.read("list unrevoked sessions", em -> {
            TypedQuery<SessionEntity> query = subject == null
                    ? em.createNamedQuery(SessionEntity.UNREVOKED, SessionEntity.class)
                    : em.createNamedQuery(SessionEntity.UNREVOKED_OF_SUBJECT, SessionEntity.class)
                            .setParameter("subject", subject);
            return query
                    .setParameter("store", store.value())
                    .setParameter("now", Timestamps.utc(now))
                    .getResultList()
                    .stream()
                    .map(SessionEntity::toSession)
                    .toList();
        });
    }

    @Override
    public int revokeAllOf(StoreId store, String subject, SessionId except, String reason, Instant now) {
        return jpa.run("revoke a subject's sessions", em -> {
            Query query = except == null
                    ? revocation(em, SessionEntity.REVOKE_ALL_OF, reason, now)
                    : revocation(em, SessionEntity.REVOKE_ALL_OF_BUT, reason, now)
                            .setParameter("except", except.value());
            return query.setParameter("store", store.value())
                    .setParameter("subject", subject)
                    .executeUpdate();
        });
    }

    @Override
    public Page<Session> pageActive(StoreId store, SubjectKind kind, String subject, Instant now, PageRequest request) {
        return jpa.read("page active sessions", em -> {
            TypedQuery<Long> count = subject == null
                    ? em.createNamedQuery(SessionEntity.COUNT_ACTIVE, Long.class)
                    : em.createNamedQuery(SessionEntity.COUNT_ACTIVE_OF_SUBJECT, Long.class)
                            .setParameter("subject", subject);
            TypedQuery<SessionEntity> rows = subject == null
                    ? em.createNamedQuery(SessionEntity.ACTIVE, SessionEntity.class)
                    : em.createNamedQuery(SessionEntity.ACTIVE_OF_SUBJECT, SessionEntity.class)
                            .setParameter("subject", subject);
            return PageQuery.page(
                    active(count, store, kind, now), active(rows, store, kind, now), SessionEntity::toSession, request);
        });
    }

    /**
     * Native SQL: the count of a subquery that stops at the limit, which JPQL cannot say (no LIMIT in a
     * subquery). The same conditions as {@link SessionEntity#IS_ACTIVE}.
     */
    @Override
    public long countActive(StoreId store, SubjectKind kind, Instant now, long limit) {
        return jpa.read(
                "count active sessions",
                em -> ((Number) em.createNativeQuery(COUNT_ACTIVE_UP_TO)
                                .setParameter(1, store.value())
                                .setParameter(2, kind.name())
                                .setParameter(3, Timestamps.utc(now))
                                .setParameter(4, limit)
                                .getSingleResult())
                        .longValue());
    }

    @Override
    public int revokeAllOfAccount(String subject, String reason, Instant now) {
        return jpa.run(
                "revoke an account's management sessions",
                em -> revocation(em, SessionEntity.REVOKE_ALL_OF_ACCOUNT, reason, now)
                        .setParameter("subject", subject)
                        .executeUpdate());
    }

    /**
     * Native SQL: JPQL has no SELECT without an entity to select from. The driver gives the value as an
     * {@link OffsetDateTime} (H2) or a {@link Timestamp} (PostgreSQL's {@code timestamptz}), both absolute.
     */
    @Override
    public Instant databaseTime() {
        return jpa.read("read the database time", em -> {
            Object value = em.createNativeQuery("SELECT CURRENT_TIMESTAMP").getSingleResult();
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (value instanceof Timestamp time) {
                return time.toInstant();
            }
            throw new DataAccessException(
                    "The database time came as " + value.getClass().getName(), null);
        });
    }

    @Override
    public List<Revocation> revokedSince(Instant since) {
        return jpa.read(
                "list recent revocations",
                em -> em
                        .createNamedQuery(SessionEntity.REVOKED_SINCE, Object[].class)
                        .setParameter("since", Timestamps.utc(since))
                        .getResultList()
                        .stream()
                        .map(row -> new Revocation(
                                new SessionId((String) row[0]), Timestamps.instant((OffsetDateTime) row[1])))
                        .toList());
    }

    /**
     * JPQL cannot bound a DELETE (no LIMIT), so the ids are picked first, up to the limit, oldest first along one
     * index per way of ending: those past their {@code usable_until} (idle time or absolute expiry), then, while
     * the batch has room, revoked ones not among them. (PostgreSQL read one unordered {@code OR} of both in disk
     * order, past the newer rows in every batch: 26 ms against 0.14 ms at 1M sessions.) The ids are deleted
     * without repeating the condition: an ended session never becomes active again (a revocation stays, the
     * expiry is fixed, and only a use, which needs an active session, moves {@code usable_until}), so the pick
     * still holds, and a condition that could refuse the session after its tokens were deleted would only leave
     * it without them.
     */
    @Override
    public int deleteEndedBefore(Instant before, int limit) {
        return jpa.run("delete ended sessions", em -> {
            List<String> ended = new ArrayList<>(endedBefore(em, SessionEntity.EXPIRED_BEFORE, before, limit));
            if (ended.size() < limit) {
                ended.addAll(endedBefore(em, SessionEntity.REVOKED_BEFORE, before, limit - ended.size()));
            }
            if (ended.isEmpty()) {
                return 0;
            }
            em.createQuery("DELETE FROM OpaqueAccessTokenEntity t WHERE t.sessionId IN :ids")
                    .setParameter("ids", ended)
                    .executeUpdate();
            em.createNamedQuery(UsedRefreshTokenEntity.DELETE_OF_SESSIONS)
                    .setParameter("ids", ended)
                    .executeUpdate();
            return em.createNamedQuery(SessionEntity.DELETE)
                    .setParameter("ids", ended)
                    .executeUpdate();
        });
    }

    private static List<String> endedBefore(EntityManager em, String query, Instant before, int limit) {
        return em.createNamedQuery(query, String.class)
                .setParameter("before", Timestamps.utc(before))
                .setMaxResults(limit)
                .getResultList();
    }

    private static TypedQuery<SessionEntity> ofStore(EntityManager em, StoreId store, String inStore, String inNone) {
        return store == null
                ? em.createNamedQuery(inNone, SessionEntity.class)
                : em.createNamedQuery(inStore, SessionEntity.class).setParameter("store", store.value());
    }

    private static Optional<Session> first(TypedQuery<SessionEntity> query) {
        return query.getResultList().stream().findFirst().map(SessionEntity::toSession);
    }

    private static Query revocation(EntityManager em, String name, String reason, Instant now) {
        return em.createNamedQuery(name)
                .setParameter("now", Timestamps.utc(now))
                .setParameter("reason", Sql.clip(reason, 64));
    }

    private static <T> TypedQuery<T> active(TypedQuery<T> query, StoreId store, SubjectKind kind, Instant now) {
        return query.setParameter("store", store.value())
                .setParameter("kind", kind)
                .setParameter("now", Timestamps.utc(now));
    }
}
