package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.delivery.OutboxMessage.Status;
import com.storefrontauth.domain.delivery.OutboxRepository;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery outbox. Instances share it through leases: a pending message is claimed by a conditional
 * UPDATE that only succeeds while the message is due and unleased, so of two instances claiming the same
 * message exactly one changes the row (the other waits for its lock, finds the lease, and changes
 * nothing). Once a message is done with (delivered, dropped, superseded) its sealed text, code and HTML
 * are erased in the same statement, unless the message is retained.
 */
@ApplicationScoped
public class JdbcOutboxRepository implements OutboxRepository {

    private static final String COLUMNS = "id, store_id, challenge_hash, channel, recipient, subject, sealed_text,"
            + " sealed_code, sealed_html, retained, status, attempts, next_attempt_at, lease_until, expires_at, created_at,"
            + " delivered_at, transport, last_error";
    private static final String DUE =
            " status = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";
    private static final String ERASE_UNLESS_RETAINED =
            " sealed_text = CASE WHEN retained THEN sealed_text ELSE NULL END,"
                    + " sealed_code = CASE WHEN retained THEN sealed_code ELSE NULL END,"
                    + " sealed_html = CASE WHEN retained THEN sealed_html ELSE NULL END";
    private static final int MAX_ERROR_LENGTH = 300;

    @Inject
    Sql sql;

    protected JdbcOutboxRepository() {
        // for CDI
    }

    JdbcOutboxRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(OutboxMessage message) {
        sql.update(
                "INSERT INTO outbox_messages (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                message.id(),
                message.store() == null ? null : message.store().value(),
                message.challenge().hex(),
                message.channel(),
                message.recipient(),
                Sql.clip(message.subject(), 300),
                message.sealedText(),
                message.sealedCode(),
                message.sealedHtml(),
                message.retained(),
                message.status(),
                message.attempts(),
                message.nextAttemptAt(),
                message.expiresAt(),
                message.createdAt(),
                message.deliveredAt(),
                message.transport(),
                Sql.clip(message.lastError(), MAX_ERROR_LENGTH));
    }

    /**
     * Picks the due messages, oldest due first, then claims each with a conditional UPDATE repeating the
     * pick's conditions; only the claimed ones are read back (under the row lock the claim took) and
     * answered. Call it in a unit of work, which holds those locks until it commits.
     */
    @Override
    public List<OutboxMessage> leaseDue(Instant now, Instant leaseUntil, int limit) {
        List<String> due = sql.list(
                "SELECT id FROM outbox_messages WHERE" + DUE + " ORDER BY next_attempt_at, id LIMIT ?",
                row -> row.getString("id"),
                Status.PENDING,
                now,
                now,
                limit);
        List<OutboxMessage> leased = new ArrayList<>();
        for (String id : due) {
            int claimed = sql.update(
                    "UPDATE outbox_messages SET lease_until = ? WHERE id = ? AND" + DUE,
                    leaseUntil,
                    id,
                    Status.PENDING,
                    now,
                    now);
            if (claimed == 1) {
                sql.one("SELECT " + COLUMNS + " FROM outbox_messages WHERE id = ?", JdbcOutboxRepository::message, id)
                        .ifPresent(leased::add);
            }
        }
        return leased;
    }

    @Override
    public void markDelivered(String id, String transport, Instant at) {
        sql.update(
                "UPDATE outbox_messages SET status = ?, delivered_at = ?, transport = ?, lease_until = NULL,"
                        + ERASE_UNLESS_RETAINED + " WHERE id = ?",
                Status.DELIVERED,
                at,
                Sql.clip(transport, 16),
                id);
    }

    /** Only a pending message is rescheduled: one superseded meanwhile stays superseded. */
    @Override
    public void reschedule(String id, int attempts, Instant nextAttemptAt, String error) {
        sql.update(
                "UPDATE outbox_messages SET attempts = ?, next_attempt_at = ?, lease_until = NULL, last_error = ?"
                        + " WHERE id = ? AND status = ?",
                attempts,
                nextAttemptAt,
                Sql.clip(error, MAX_ERROR_LENGTH),
                id,
                Status.PENDING);
    }

    /** Only a pending message expires: one superseded or delivered meanwhile keeps that status. */
    @Override
    public void markExpired(String id, String error) {
        sql.update(
                "UPDATE outbox_messages SET status = ?, lease_until = NULL, last_error = ?," + ERASE_UNLESS_RETAINED
                        + " WHERE id = ? AND status = ?",
                Status.EXPIRED,
                Sql.clip(error, MAX_ERROR_LENGTH),
                id,
                Status.PENDING);
    }

    @Override
    public int supersedePending(TokenHash challenge) {
        return sql.update(
                "UPDATE outbox_messages SET status = ?, lease_until = NULL," + ERASE_UNLESS_RETAINED
                        + " WHERE challenge_hash = ? AND status = ?",
                Status.SUPERSEDED,
                challenge.hex(),
                Status.PENDING);
    }

    /** A store's messages, newest first; a null store pages the messages of no store (merchant activation). */
    @Override
    public Page<OutboxMessage> page(StoreId store, PageRequest request) {
        String where = store == null ? " WHERE store_id IS NULL" : " WHERE store_id = ?";
        List<Object> parameters = new ArrayList<>();
        if (store != null) {
            parameters.add(store.value());
        }
        return sql.page(
                COLUMNS,
                "outbox_messages" + where,
                "created_at DESC, id DESC",
                JdbcOutboxRepository::message,
                request,
                parameters);
    }

    @Override
    public int deleteCreatedBefore(Instant before) {
        return sql.update("DELETE FROM outbox_messages WHERE created_at < ? AND status <> 'PENDING'", before);
    }

    private static OutboxMessage message(ResultSet row) throws SQLException {
        String store = row.getString("store_id");
        return new OutboxMessage(
                row.getString("id"),
                store == null ? null : new StoreId(store),
                new TokenHash(row.getString("challenge_hash")),
                OtpChannel.valueOf(row.getString("channel")),
                row.getString("recipient"),
                row.getString("subject"),
                row.getString("sealed_text"),
                row.getString("sealed_code"),
                row.getString("sealed_html"),
                row.getBoolean("retained"),
                Status.valueOf(row.getString("status")),
                row.getInt("attempts"),
                Sql.instant(row, "next_attempt_at"),
                Sql.instant(row, "expires_at"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "delivered_at"),
                row.getString("transport"),
                row.getString("last_error"));
    }
}
