package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code otp_challenges}, keyed by the SHA-256 of its {@code otp_token}. Challenges are only read
 * under a row lock ({@code SELECT … FOR UPDATE}), which also refreshes what the entity manager holds, and
 * written back through that managed row.
 */
@Entity
@Table(name = "otp_challenges")
@NamedQuery(
        name = OtpChallengeEntity.LOCK,
        query = "SELECT o FROM OtpChallengeEntity o WHERE o.idHash = :id AND o.storeId = :store",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(
        name = OtpChallengeEntity.LOCK_WITHOUT_STORE,
        query = "SELECT o FROM OtpChallengeEntity o WHERE o.idHash = :id AND o.storeId IS NULL",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(
        name = OtpChallengeEntity.EXPIRED_BEFORE,
        query = "SELECT o.idHash FROM OtpChallengeEntity o WHERE o.expiresAt < :before ORDER BY o.expiresAt")
@NamedQuery(
        name = OtpChallengeEntity.DELETE_EXPIRED,
        query = "DELETE FROM OtpChallengeEntity o WHERE o.idHash IN :ids AND o.expiresAt < :before")
public class OtpChallengeEntity {

    static final String LOCK = "OtpChallenge.lock";
    static final String LOCK_WITHOUT_STORE = "OtpChallenge.lockWithoutStore";
    /** The columns, for the native queries that read rows into this entity. */
    static final String COLUMNS = "id_hash, store_id, action, channel, destination, subject, decoy, code_hash,"
            + " attempts, max_attempts, sends, last_sent_at, expires_at, status, created_at";

    static final String EXPIRED_BEFORE = "OtpChallenge.expiredBefore";
    static final String DELETE_EXPIRED = "OtpChallenge.deleteExpired";

    @Id
    @Column(name = "id_hash")
    private String idHash;

    @Column(name = "store_id")
    private String storeId;

    @Enumerated(EnumType.STRING)
    private OtpAction action;

    @Enumerated(EnumType.STRING)
    private OtpChannel channel;

    private String destination;

    private String subject;

    private boolean decoy;

    @Column(name = "code_hash")
    private String codeHash;

    private int attempts;

    @Column(name = "max_attempts")
    private int maxAttempts;

    private int sends;

    @Column(name = "last_sent_at")
    private OffsetDateTime lastSentAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    private OtpChallenge.Status status;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected OtpChallengeEntity() {
        // for JPA
    }

    static OtpChallengeEntity of(OtpChallenge challenge) {
        OtpChallengeEntity row = new OtpChallengeEntity();
        row.idHash = challenge.id().hex();
        row.storeId = challenge.store() == null ? null : challenge.store().value();
        row.action = challenge.action();
        row.channel = challenge.channel();
        row.destination = challenge.destination().address();
        row.subject = challenge.subject();
        row.decoy = challenge.decoy();
        row.codeHash = challenge.codeHash();
        row.attempts = challenge.attempts();
        row.maxAttempts = challenge.maxAttempts();
        row.sends = challenge.sends();
        row.lastSentAt = Timestamps.utc(challenge.lastSentAt());
        row.expiresAt = Timestamps.utc(challenge.expiresAt());
        row.status = challenge.status();
        row.createdAt = Timestamps.utc(challenge.createdAt());
        return row;
    }

    /** What verifying and resending change: the code, the counts, the times and the status. */
    void changeTo(OtpChallenge challenge) {
        codeHash = challenge.codeHash();
        attempts = challenge.attempts();
        sends = challenge.sends();
        lastSentAt = Timestamps.utc(challenge.lastSentAt());
        expiresAt = Timestamps.utc(challenge.expiresAt());
        status = challenge.status();
    }

    OtpChallenge toOtpChallenge() {
        return new OtpChallenge(
                new TokenHash(idHash),
                storeId == null ? null : new StoreId(storeId),
                action,
                new Destination(channel, destination),
                subject,
                decoy,
                codeHash,
                attempts,
                maxAttempts,
                sends,
                lastSentAt.toInstant(),
                expiresAt.toInstant(),
                status,
                createdAt.toInstant());
    }
}
