package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SpentRefreshToken;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and their refresh-token families. Rotation is a compare-and-set whose arbiter is the primary
 * key of {@code used_refresh_tokens}: of two transactions spending the same token, exactly one inserts
 * it; the other waits for the first to finish and then finds the key taken.
 */
@ApplicationScoped
public class JdbcSessionRepository implements SessionRepository {

    private static final String COLUMNS = "id, store_id, subject_kind, subject, anonymous_id, created_at,"
            + " last_used_at, expires_at, idle_timeout_seconds, access_ttl_seconds, revoked_at, revoke_reason, ip,"
            + " user_agent, refresh_hash";
    /**
     * {@link Session#isActive} in SQL, for a store and kind: each row's own idle timeout, as a number of
     * one-second intervals (standard SQL that H2 2.x and PostgreSQL 15 both evaluate), so that paging and
     * totals count only usable sessions.
     */
    private static final String ACTIVE = " WHERE store_id = ? AND subject_kind = ? AND revoked_at IS NULL"
            + " AND expires_at > ? AND last_used_at + idle_timeout_seconds * INTERVAL '1' SECOND > ?";
    /** Every revocation also records the database's time, which {@link #revokedSince} is polled by. */
    private static final String RECORDED = " revocation_recorded_at = CURRENT_TIMESTAMP";

    private static final String SPEND =
            "INSERT INTO used_refresh_tokens (token_hash, session_id, used_at) VALUES (?, ?, ?)";

    @Inject
    Sql sql;

    @Inject
    Transactions transactions;

    protected JdbcSessionRepository() {
        // for CDI
    }

    JdbcSessionRepository(Sql sql, Transactions transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    @Override
    public void insert(Session session) {
        ClientInfo client = session.client() == null ? new ClientInfo(null, null) : session.client();
        sql.update(
                "INSERT INTO sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                session.id().value(),
                session.store() == null ? null : session.store().value(),
                session.kind(),
                session.subject(),
                session.anonymousId(),
                session.createdAt(),
                session.lastUsedAt(),
                session.expiresAt(),
                session.idleTimeout(),
                session.accessTokenTtl(),
                session.revokedAt(),
                session.revokeReason(),
                Sql.clip(client.ip(), 100),
                Sql.clip(client.userAgent(), 512),
                session.refreshHash().hex());
    }

    @Override
    public Optional<Session> find(StoreId store, SessionId id) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM sessions WHERE id = ? AND " + ofStore("store_id", store),
                JdbcSessionRepository::session,
                keyAndStore(id.value(), store));
    }

    @Override
    public Optional<Session> findByRefreshHash(StoreId store, TokenHash current) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM sessions WHERE refresh_hash = ? AND " + ofStore("store_id", store),
                JdbcSessionRepository::session,
                keyAndStore(current.hex(), store));
    }

    @Override
    public Optional<SpentRefreshToken> findSpent(StoreId store, TokenHash used) {
        return sql.one(
                "SELECT u.session_id, u.used_at FROM used_refresh_tokens u JOIN sessions s ON s.id = u.session_id"
                        + " WHERE u.token_hash = ? AND " + ofStore("s.store_id", store),
                row -> new SpentRefreshToken(new SessionId(row.getString("session_id")), Sql.instant(row, "used_at")),
                keyAndStore(used.hex(), store));
    }

    @Override
    public boolean isRevoked(SessionId id) {
        return sql.one("SELECT id FROM sessions WHERE id = ? AND revoked_at IS NOT NULL", row -> true, id.value())
                .isPresent();
    }

    /** Management sessions have no store: a finder given none looks among them only. */
    private static String ofStore(String column, StoreId store) {
        return store == null ? column + " IS NULL" : column + " = ?";
    }

    private static Object[] keyAndStore(String key, StoreId store) {
        return store == null ? new Object[] {key} : new Object[] {key, store.value()};
    }

    /**
     * Spends {@code used} first: the insert decides the race. Then moves the session to {@code next}, only
     * while {@code used} is its current token and it is not revoked; when that finds no row, the spend is
     * undone (deleted again) so the caller's transaction stays clean, and the answer is false.
     */
    @Override
    public boolean rotate(SessionId id, TokenHash used, TokenHash next, Instant now) {
        return transactions.required(() -> {
            if (!spend(id, used, now)) {
                return false;
            }
            int moved = sql.update(
                    "UPDATE sessions SET refresh_hash = ?, last_used_at = ?"
                            + " WHERE id = ? AND refresh_hash = ? AND revoked_at IS NULL",
                    next.hex(),
                    now,
                    id.value(),
                    used.hex());
            if (moved == 1) {
                return true;
            }
            sql.update("DELETE FROM used_refresh_tokens WHERE token_hash = ?", used.hex());
            return false;
        });
    }

    /** @return false when the token was spent already (by a committed or a concurrent transaction) */
    private boolean spend(SessionId id, TokenHash used, Instant now) {
        return sql.insertUnlessDuplicate(SPEND, "(token_hash)", used.hex(), id.value(), now);
    }

    @Override
    public void touch(SessionId id, Instant now) {
        sql.update("UPDATE sessions SET last_used_at = ? WHERE id = ? AND last_used_at < ?", now, id.value(), now);
    }

    @Override
    public boolean revoke(SessionId id, String reason, Instant now) {
        return sql.update(
                        "UPDATE sessions SET revoked_at = ?, revoke_reason = ?," + RECORDED
                                + " WHERE id = ? AND revoked_at IS NULL",
                        now,
                        Sql.clip(reason, 64),
                        id.value())
                > 0;
    }

    @Override
    public List<Session> listUnrevoked(StoreId store, String subject, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE store_id = ? AND revoked_at IS NULL AND expires_at > ?");
        List<Object> parameters = new ArrayList<>(List.of(store.value(), now));
        if (subject != null) {
            where.append(" AND subject = ?");
            parameters.add(subject);
        }
        return sql.list(
                "SELECT " + COLUMNS + " FROM sessions" + where + " ORDER BY created_at DESC, id",
                JdbcSessionRepository::session,
                parameters.toArray());
    }

    @Override
    public int revokeAllOf(StoreId store, String subject, SessionId except, String reason, Instant now) {
        String update = "UPDATE sessions SET revoked_at = ?, revoke_reason = ?," + RECORDED
                + " WHERE store_id = ? AND subject = ? AND revoked_at IS NULL";
        if (except == null) {
            return sql.update(update, now, Sql.clip(reason, 64), store.value(), subject);
        }
        return sql.update(update + " AND id <> ?", now, Sql.clip(reason, 64), store.value(), subject, except.value());
    }

    @Override
    public Page<Session> pageActive(StoreId store, SubjectKind kind, String subject, Instant now, PageRequest request) {
        StringBuilder where = new StringBuilder(ACTIVE);
        List<Object> parameters = new ArrayList<>(List.of(store.value(), kind, now, now));
        if (subject != null) {
            where.append(" AND subject = ?");
            parameters.add(subject);
        }
        return sql.page(
                COLUMNS,
                "sessions" + where,
                "created_at DESC, id DESC",
                JdbcSessionRepository::session,
                request,
                parameters);
    }

    @Override
    public long countActive(StoreId store, SubjectKind kind, Instant now) {
        return sql.count("SELECT COUNT(*) FROM sessions" + ACTIVE, store.value(), kind, now, now);
    }

    @Override
    public int revokeAllOfAccount(String subject, String reason, Instant now) {
        return sql.update(
                "UPDATE sessions SET revoked_at = ?, revoke_reason = ?," + RECORDED
                        + " WHERE store_id IS NULL AND subject = ? AND revoked_at IS NULL",
                now,
                Sql.clip(reason, 64),
                subject);
    }

    @Override
    public Instant databaseTime() {
        return sql.one("SELECT CURRENT_TIMESTAMP AS database_time", row -> Sql.instant(row, "database_time"))
                .orElseThrow();
    }

    @Override
    public List<Revocation> revokedSince(Instant since) {
        return sql.list(
                "SELECT id, revocation_recorded_at FROM sessions WHERE revocation_recorded_at > ?",
                row -> new Revocation(new SessionId(row.getString("id")), Sql.instant(row, "revocation_recorded_at")),
                since);
    }

    @Override
    public int deleteEndedBefore(Instant before, int limit) {
        List<String> ended = sql.list(
                "SELECT id FROM sessions WHERE expires_at < ? OR revocation_recorded_at < ?" + " FETCH FIRST " + limit
                        + " ROWS ONLY",
                row -> row.getString("id"),
                before,
                before);
        if (ended.isEmpty()) {
            return 0;
        }
        String ids = " IN (" + String.join(", ", Collections.nCopies(ended.size(), "?")) + ")";
        Object[] values = ended.toArray();
        sql.update("DELETE FROM opaque_access_tokens WHERE session_id" + ids, values);
        sql.update("DELETE FROM used_refresh_tokens WHERE session_id" + ids, values);
        return sql.update("DELETE FROM sessions WHERE id" + ids, values);
    }

    private static Session session(ResultSet row) throws SQLException {
        String store = row.getString("store_id");
        return new Session(
                new SessionId(row.getString("id")),
                store == null ? null : new StoreId(store),
                SubjectKind.valueOf(row.getString("subject_kind")),
                row.getString("subject"),
                row.getString("anonymous_id"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "last_used_at"),
                Sql.instant(row, "expires_at"),
                Sql.seconds(row, "idle_timeout_seconds"),
                Sql.seconds(row, "access_ttl_seconds"),
                Sql.instant(row, "revoked_at"),
                row.getString("revoke_reason"),
                new ClientInfo(row.getString("ip"), row.getString("user_agent")),
                new TokenHash(row.getString("refresh_hash")));
    }
}
