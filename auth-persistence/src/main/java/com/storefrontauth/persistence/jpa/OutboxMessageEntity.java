package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.delivery.OutboxMessage.Status;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * A row of {@code outbox_messages}; every read is built from the row, never from the unit's cache. Each query
 * that ends a message comes twice, for retained messages (which keep their sealed text, code and HTML) and
 * for the others (whose sealed copies it erases in the same statement): one statement choosing per row by a
 * CASE expression would make EclipseLink give up bind parameters for the whole statement on H2
 * ({@code isDynamicSQLRequiredForFunctions}), and print TRUE as 1, which H2 2.x refuses for a BOOLEAN.
 */
@Entity
@Table(name = "outbox_messages")
@NamedQuery(
        name = OutboxMessageEntity.DUE,
        query = "SELECT m.id FROM OutboxMessageEntity m WHERE" + OutboxMessageEntity.IS_DUE
                + " ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(
        name = OutboxMessageEntity.CLAIM,
        query = "UPDATE OutboxMessageEntity m SET m.leaseUntil = :leaseUntil WHERE m.id = :id AND"
                + OutboxMessageEntity.IS_DUE)
@NamedQuery(
        name = OutboxMessageEntity.BY_ID,
        query = "SELECT m FROM OutboxMessageEntity m WHERE m.id = :id",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = OutboxMessageEntity.DELIVERED_KEEPING,
        query = "UPDATE OutboxMessageEntity m SET" + OutboxMessageEntity.DELIVERY
                + " WHERE m.id = :id AND m.retained = TRUE")
@NamedQuery(
        name = OutboxMessageEntity.DELIVERED_ERASING,
        query = "UPDATE OutboxMessageEntity m SET" + OutboxMessageEntity.DELIVERY + "," + OutboxMessageEntity.ERASURE
                + " WHERE m.id = :id AND m.retained = FALSE")
@NamedQuery(
        name = OutboxMessageEntity.RESCHEDULE,
        query = "UPDATE OutboxMessageEntity m SET m.attempts = :attempts, m.nextAttemptAt = :next,"
                + " m.leaseUntil = NULL, m.lastError = :error WHERE m.id = :id AND m.status = :pending")
@NamedQuery(
        name = OutboxMessageEntity.EXPIRED_KEEPING,
        query = "UPDATE OutboxMessageEntity m SET" + OutboxMessageEntity.EXPIRY
                + " WHERE m.id = :id AND m.status = :pending AND m.retained = TRUE")
@NamedQuery(
        name = OutboxMessageEntity.EXPIRED_ERASING,
        query = "UPDATE OutboxMessageEntity m SET" + OutboxMessageEntity.EXPIRY + "," + OutboxMessageEntity.ERASURE
                + " WHERE m.id = :id AND m.status = :pending AND m.retained = FALSE")
@NamedQuery(
        name = OutboxMessageEntity.SUPERSEDE_KEEPING,
        query = "UPDATE OutboxMessageEntity m SET" + OutboxMessageEntity.SUPERSESSION
                + " WHERE m.challengeHash = :challenge AND m.status = :pending AND m.retained = TRUE")
@NamedQuery(
        name = OutboxMessageEntity.SUPERSEDE_ERASING,
        query = "UPDATE OutboxMessageEntity m SET" + OutboxMessageEntity.SUPERSESSION + ","
                + OutboxMessageEntity.ERASURE
                + " WHERE m.challengeHash = :challenge AND m.status = :pending AND m.retained = FALSE")
@NamedQuery(
        name = OutboxMessageEntity.COUNT_OF_STORE,
        query = "SELECT COUNT(m) FROM OutboxMessageEntity m WHERE m.storeId = :store")
@NamedQuery(
        name = OutboxMessageEntity.PAGE_OF_STORE,
        query = "SELECT m FROM OutboxMessageEntity m WHERE m.storeId = :store ORDER BY m.createdAt DESC, m.id DESC",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = OutboxMessageEntity.COUNT_OF_NO_STORE,
        query = "SELECT COUNT(m) FROM OutboxMessageEntity m WHERE m.storeId IS NULL")
@NamedQuery(
        name = OutboxMessageEntity.PAGE_OF_NO_STORE,
        query = "SELECT m FROM OutboxMessageEntity m WHERE m.storeId IS NULL ORDER BY m.createdAt DESC, m.id DESC",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = OutboxMessageEntity.DONE_BEFORE,
        query = "SELECT m.id FROM OutboxMessageEntity m WHERE m.createdAt < :before AND m.status <> :pending"
                + " ORDER BY m.createdAt")
@NamedQuery(
        name = OutboxMessageEntity.DELETE_DONE,
        query = "DELETE FROM OutboxMessageEntity m WHERE m.id IN :ids AND m.createdAt < :before"
                + " AND m.status <> :pending")
public class OutboxMessageEntity {

    static final String DUE = "OutboxMessageEntity.due";
    static final String CLAIM = "OutboxMessageEntity.claim";
    static final String BY_ID = "OutboxMessageEntity.byId";
    static final String DELIVERED_KEEPING = "OutboxMessageEntity.deliveredKeeping";
    static final String DELIVERED_ERASING = "OutboxMessageEntity.deliveredErasing";
    static final String RESCHEDULE = "OutboxMessageEntity.reschedule";
    static final String EXPIRED_KEEPING = "OutboxMessageEntity.expiredKeeping";
    static final String EXPIRED_ERASING = "OutboxMessageEntity.expiredErasing";
    static final String SUPERSEDE_KEEPING = "OutboxMessageEntity.supersedeKeeping";
    static final String SUPERSEDE_ERASING = "OutboxMessageEntity.supersedeErasing";
    static final String COUNT_OF_STORE = "OutboxMessageEntity.countOfStore";
    static final String PAGE_OF_STORE = "OutboxMessageEntity.pageOfStore";
    static final String COUNT_OF_NO_STORE = "OutboxMessageEntity.countOfNoStore";
    static final String PAGE_OF_NO_STORE = "OutboxMessageEntity.pageOfNoStore";
    static final String DONE_BEFORE = "OutboxMessageEntity.doneBefore";
    static final String DELETE_DONE = "OutboxMessageEntity.deleteDone";

    /** Pending, due at {@code :now}, and not leased or its lease over. */
    static final String IS_DUE =
            " m.status = :pending AND m.nextAttemptAt <= :now" + " AND (m.leaseUntil IS NULL OR m.leaseUntil <= :now)";

    static final String DELIVERY =
            " m.status = :delivered, m.deliveredAt = :at, m.transport = :transport, m.leaseUntil = NULL";
    static final String EXPIRY = " m.status = :expired, m.leaseUntil = NULL, m.lastError = :error";
    static final String SUPERSESSION = " m.status = :superseded, m.leaseUntil = NULL";
    static final String ERASURE = " m.sealedText = NULL, m.sealedCode = NULL, m.sealedHtml = NULL";

    static final int MAX_ERROR_LENGTH = 300;

    @Id
    private String id;

    @Column(name = "store_id")
    private String storeId;

    @Column(name = "challenge_hash")
    private String challengeHash;

    @Enumerated(EnumType.STRING)
    private OtpChannel channel;

    private String recipient;

    private String subject;

    @Column(name = "sealed_text")
    private String sealedText;

    @Column(name = "sealed_code")
    private String sealedCode;

    @Column(name = "sealed_html")
    private String sealedHtml;

    private boolean retained;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    private String transport;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMessageEntity() {
        // for JPA
    }

    /** Not leased; the subject and error cut to their columns' widths. */
    static OutboxMessageEntity of(OutboxMessage message) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.id = message.id();
        row.storeId = message.store() == null ? null : message.store().value();
        row.challengeHash = message.challenge().hex();
        row.channel = message.channel();
        row.recipient = message.recipient();
        row.subject = Sql.clip(message.subject(), 300);
        row.sealedText = message.sealedText();
        row.sealedCode = message.sealedCode();
        row.sealedHtml = message.sealedHtml();
        row.retained = message.retained();
        row.status = message.status();
        row.attempts = message.attempts();
        row.nextAttemptAt = Timestamps.utc(message.nextAttemptAt());
        row.expiresAt = Timestamps.utc(message.expiresAt());
        row.createdAt = Timestamps.utc(message.createdAt());
        row.deliveredAt = Timestamps.utc(message.deliveredAt());
        row.transport = message.transport();
        row.lastError = Sql.clip(message.lastError(), MAX_ERROR_LENGTH);
        return row;
    }

    OutboxMessage toOutboxMessage() {
        return new OutboxMessage(
                id,
                storeId == null ? null : new StoreId(storeId),
                new TokenHash(challengeHash),
                channel,
                recipient,
                subject,
                sealedText,
                sealedCode,
                sealedHtml,
                retained,
                status,
                attempts,
                Timestamps.instant(nextAttemptAt),
                Timestamps.instant(expiresAt),
                Timestamps.instant(createdAt),
                Timestamps.instant(deliveredAt),
                transport,
                lastError);
    }
}
