package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallengeRepository;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.TokenHash;
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
import java.util.Set;

/**
 * One-time code challenges, keyed by the SHA-256 of their {@code otp_token}. A verification reads its
 * challenge with {@code SELECT … FOR UPDATE} and writes it back in the same unit of work, so two
 * concurrent attempts at one challenge are counted one after the other, never both against the same
 * attempt count.
 */
@ApplicationScoped
public class JdbcOtpChallengeRepository implements OtpChallengeRepository {

    private static final String COLUMNS = "id_hash, store_id, action, channel, destination, subject, decoy, code_hash,"
            + " attempts, max_attempts, sends, last_sent_at, expires_at, status, created_at";

    @Inject
    Sql sql;

    protected JdbcOtpChallengeRepository() {
        // for CDI
    }

    JdbcOtpChallengeRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(OtpChallenge challenge) {
        sql.update(
                "INSERT INTO otp_challenges (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                challenge.id().hex(),
                challenge.store() == null ? null : challenge.store().value(),
                challenge.action(),
                challenge.channel(),
                challenge.destination().address(),
                challenge.subject(),
                challenge.decoy(),
                challenge.codeHash(),
                challenge.attempts(),
                challenge.maxAttempts(),
                challenge.sends(),
                challenge.lastSentAt(),
                challenge.expiresAt(),
                challenge.status(),
                challenge.createdAt());
    }

    /** Writes what verifying and resending change: the code, the counts, the times and the status. */
    @Override
    public void update(OtpChallenge challenge) {
        sql.update(
                "UPDATE otp_challenges SET code_hash = ?, attempts = ?, sends = ?, last_sent_at = ?, expires_at = ?,"
                        + " status = ? WHERE id_hash = ?",
                challenge.codeHash(),
                challenge.attempts(),
                challenge.sends(),
                challenge.lastSentAt(),
                challenge.expiresAt(),
                challenge.status(),
                challenge.id().hex());
    }

    @Override
    public Optional<OtpChallenge> lock(StoreId store, TokenHash id) {
        return store == null
                ? sql.one(
                        "SELECT " + COLUMNS + " FROM otp_challenges WHERE id_hash = ? AND store_id IS NULL FOR UPDATE",
                        JdbcOtpChallengeRepository::challenge,
                        id.hex())
                : sql.one(
                        "SELECT " + COLUMNS + " FROM otp_challenges WHERE id_hash = ? AND store_id = ? FOR UPDATE",
                        JdbcOtpChallengeRepository::challenge,
                        id.hex(),
                        store.value());
    }

    /**
     * One statement on both databases ({@code ORDER BY … FETCH FIRST … FOR UPDATE}). On PostgreSQL, when
     * a concurrent transaction changes the newest row while this one waits for its lock, the row is
     * checked again and, no longer open, answers empty rather than the next older challenge.
     */
    @Override
    public Optional<OtpChallenge> lockOpenAccountChallenge(OtpAction action, String email, Instant now) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM otp_challenges WHERE action = ? AND channel = ? AND destination = ?"
                        + " AND status = ? AND expires_at > ? ORDER BY last_sent_at DESC, created_at DESC, id_hash"
                        + " FETCH FIRST 1 ROWS ONLY FOR UPDATE",
                JdbcOtpChallengeRepository::challenge,
                action,
                OtpChannel.EMAIL,
                email,
                OtpChallenge.Status.OPEN,
                now);
    }

    /** Served by the index on (action, destination, status, last_sent_at); the newest wins as for activation. */
    @Override
    public Optional<OtpChallenge> lockNewestOpen(
            StoreId store, Destination destination, Set<OtpAction> actions, Instant now) {
        List<Object> parameters = new ArrayList<>(actions);
        parameters.addAll(
                List.of(store.value(), destination.channel(), destination.address(), OtpChallenge.Status.OPEN, now));
        String placeholders = String.join(", ", Collections.nCopies(actions.size(), "?"));
        return sql.one(
                "SELECT " + COLUMNS + " FROM otp_challenges WHERE action IN (" + placeholders + ")"
                        + " AND store_id = ? AND channel = ? AND destination = ? AND status = ? AND expires_at > ?"
                        + " ORDER BY last_sent_at DESC, created_at DESC, id_hash FETCH FIRST 1 ROWS ONLY FOR UPDATE",
                JdbcOtpChallengeRepository::challenge,
                parameters.toArray());
    }

    @Override
    public int deleteExpired(Instant before) {
        return sql.update("DELETE FROM otp_challenges WHERE expires_at < ?", before);
    }

    private static OtpChallenge challenge(ResultSet row) throws SQLException {
        String store = row.getString("store_id");
        return new OtpChallenge(
                new TokenHash(row.getString("id_hash")),
                store == null ? null : new StoreId(store),
                OtpAction.valueOf(row.getString("action")),
                new Destination(OtpChannel.valueOf(row.getString("channel")), row.getString("destination")),
                row.getString("subject"),
                row.getBoolean("decoy"),
                row.getString("code_hash"),
                row.getInt("attempts"),
                row.getInt("max_attempts"),
                row.getInt("sends"),
                Sql.instant(row, "last_sent_at"),
                Sql.instant(row, "expires_at"),
                OtpChallenge.Status.valueOf(row.getString("status")),
                Sql.instant(row, "created_at"));
    }
}
