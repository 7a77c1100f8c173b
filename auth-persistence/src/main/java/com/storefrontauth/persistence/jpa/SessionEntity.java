package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * A row of {@code sessions}: a sign-in and its refresh-token family (the current token's hash only). Every
 * read is built from the row, never from the unit's cache (the bulk updates of rotation and revocation
 * bypass it), and is not tracked for changes. Every revocation also records the database's time
 * ({@code revocation_recorded_at}, not part of {@link Session}), which revocations are polled by.
 */
@Entity
@Table(name = "sessions")
@NamedQuery(
        name = SessionEntity.FIND_IN_STORE,
        query = "SELECT s FROM SessionEntity s WHERE s.id = :id AND s.storeId = :store",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.FIND_IN_MANAGEMENT,
        query = "SELECT s FROM SessionEntity s WHERE s.id = :id AND s.storeId IS NULL",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.BY_REFRESH_IN_STORE,
        query = "SELECT s FROM SessionEntity s WHERE s.refreshHash = :hash AND s.storeId = :store",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.BY_REFRESH_IN_MANAGEMENT,
        query = "SELECT s FROM SessionEntity s WHERE s.refreshHash = :hash AND s.storeId IS NULL",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.REVOKED,
        query = "SELECT s.id FROM SessionEntity s WHERE s.id = :id AND s.revokedAt IS NOT NULL")
@NamedQuery(
        name = SessionEntity.MOVE,
        query = "UPDATE SessionEntity s SET s.refreshHash = :next, s.lastUsedAt = :now, s.usableUntil = "
                + SessionEntity.USABLE_UNTIL_USED_NOW
                + " WHERE s.id = :id AND s.refreshHash = :used AND s.revokedAt IS NULL")
@NamedQuery(
        name = SessionEntity.TOUCH,
        query = "UPDATE SessionEntity s SET s.lastUsedAt = :now, s.usableUntil = " + SessionEntity.USABLE_UNTIL_USED_NOW
                + " WHERE s.id = :id AND s.lastUsedAt < :now")
@NamedQuery(
        name = SessionEntity.REVOKE,
        query = "UPDATE SessionEntity s SET" + SessionEntity.REVOCATION + " WHERE s.id = :id AND s.revokedAt IS NULL")
@NamedQuery(
        name = SessionEntity.REVOKE_ALL_OF,
        query = "UPDATE SessionEntity s SET" + SessionEntity.REVOCATION
                + " WHERE s.storeId = :store AND s.subject = :subject AND s.revokedAt IS NULL")
@NamedQuery(
        name = SessionEntity.REVOKE_ALL_OF_BUT,
        query = "UPDATE SessionEntity s SET" + SessionEntity.REVOCATION
                + " WHERE s.storeId = :store AND s.subject = :subject AND s.revokedAt IS NULL AND s.id <> :except")
@NamedQuery(
        name = SessionEntity.REVOKE_ALL_OF_ACCOUNT,
        query = "UPDATE SessionEntity s SET" + SessionEntity.REVOCATION
                + " WHERE s.storeId IS NULL AND s.subject = :subject AND s.revokedAt IS NULL")
@NamedQuery(
        name = SessionEntity.UNREVOKED,
        query = "SELECT s FROM SessionEntity s WHERE" + SessionEntity.IS_UNREVOKED + " ORDER BY s.createdAt DESC, s.id",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.UNREVOKED_OF_SUBJECT,
        query = "SELECT s FROM SessionEntity s WHERE" + SessionEntity.IS_UNREVOKED
                + " AND s.subject = :subject ORDER BY s.createdAt DESC, s.id",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.COUNT_ACTIVE,
        query = "SELECT COUNT(s) FROM SessionEntity s WHERE" + SessionEntity.IS_ACTIVE)
@NamedQuery(
        name = SessionEntity.ACTIVE,
        query = "SELECT s FROM SessionEntity s WHERE" + SessionEntity.IS_ACTIVE
                + " ORDER BY s.createdAt DESC, s.id DESC",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.COUNT_ACTIVE_OF_SUBJECT,
        query = "SELECT COUNT(s) FROM SessionEntity s WHERE" + SessionEntity.IS_ACTIVE + " AND s.subject = :subject")
@NamedQuery(
        name = SessionEntity.ACTIVE_OF_SUBJECT,
        query = "SELECT s FROM SessionEntity s WHERE" + SessionEntity.IS_ACTIVE
                + " AND s.subject = :subject ORDER BY s.createdAt DESC, s.id DESC",
        hints = @QueryHint(name = QueryHints.MAINTAIN_CACHE, value = HintValues.FALSE))
@NamedQuery(
        name = SessionEntity.REVOKED_SINCE,
        query = "SELECT s.id, s.revocationRecordedAt FROM SessionEntity s WHERE s.revocationRecordedAt > :since")
@NamedQuery(
        name = SessionEntity.EXPIRED_BEFORE,
        query = "SELECT s.id FROM SessionEntity s WHERE s.usableUntil < :before ORDER BY s.usableUntil")
@NamedQuery(
        name = SessionEntity.REVOKED_BEFORE,
        query = "SELECT s.id FROM SessionEntity s WHERE s.revocationRecordedAt < :before AND s.usableUntil >= :before"
                + " ORDER BY s.revocationRecordedAt")
@NamedQuery(name = SessionEntity.DELETE, query = "DELETE FROM SessionEntity s WHERE s.id IN :ids")
public class SessionEntity {

    static final String FIND_IN_STORE = "SessionEntity.findInStore";
    static final String FIND_IN_MANAGEMENT = "SessionEntity.findInManagement";
    static final String BY_REFRESH_IN_STORE = "SessionEntity.byRefreshInStore";
    static final String BY_REFRESH_IN_MANAGEMENT = "SessionEntity.byRefreshInManagement";
    static final String REVOKED = "SessionEntity.revoked";
    static final String MOVE = "SessionEntity.move";
    static final String TOUCH = "SessionEntity.touch";
    static final String REVOKE = "SessionEntity.revoke";
    static final String REVOKE_ALL_OF = "SessionEntity.revokeAllOf";
    static final String REVOKE_ALL_OF_BUT = "SessionEntity.revokeAllOfBut";
    static final String REVOKE_ALL_OF_ACCOUNT = "SessionEntity.revokeAllOfAccount";
    static final String UNREVOKED = "SessionEntity.unrevoked";
    static final String UNREVOKED_OF_SUBJECT = "SessionEntity.unrevokedOfSubject";
    static final String COUNT_ACTIVE = "SessionEntity.countActive";
    static final String ACTIVE = "SessionEntity.active";
    static final String COUNT_ACTIVE_OF_SUBJECT = "SessionEntity.countActiveOfSubject";
    static final String ACTIVE_OF_SUBJECT = "SessionEntity.activeOfSubject";
    static final String REVOKED_SINCE = "SessionEntity.revokedSince";
    static final String EXPIRED_BEFORE = "SessionEntity.expiredBefore";
    static final String REVOKED_BEFORE = "SessionEntity.revokedBefore";
    static final String DELETE = "SessionEntity.delete";

    /** The revocation at {@code :now} for {@code :reason}, and the database's time it is recorded at. */
    static final String REVOCATION =
            " s.revokedAt = :now, s.revokeReason = :reason, s.revocationRecordedAt = CURRENT_TIMESTAMP";

    static final String IS_UNREVOKED = " s.storeId = :store AND s.revokedAt IS NULL AND s.expiresAt > :now";

    /**
     * {@link Session#usableUntil} of the row once used at {@code :now}: the earlier of its idle window's end and
     * its absolute expiry, from the row's own idle timeout and expiry. Native SQL inside the JPQL (EclipseLink's
     * {@code SQL} operator), because JPQL has no arithmetic on timestamps; standard SQL that H2 2.x and
     * PostgreSQL 15 both evaluate ({@code LEAST} included). The cast types the parameter, which neither database
     * infers from a sum with an interval.
     */
    static final String USABLE_UNTIL_USED_NOW = "SQL('LEAST(CAST(? AS TIMESTAMP WITH TIME ZONE)"
            + " + ? * INTERVAL ''1'' SECOND, ?)', :now, s.idleTimeoutSeconds, s.expiresAt)";

    /** {@link Session#isActive} for a store and kind, on the stored {@link Session#usableUntil}. */
    static final String IS_ACTIVE =
            " s.storeId = :store AND s.kind = :kind AND s.revokedAt IS NULL AND s.usableUntil > :now";

    @Id
    private String id;

    @Column(name = "store_id")
    private String storeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    private SubjectKind kind;

    private String subject;

    @Column(name = "anonymous_id")
    private String anonymousId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "idle_timeout_seconds")
    private long idleTimeoutSeconds;

    @Column(name = "access_ttl_seconds")
    private long accessTtlSeconds;

    /**
     * {@link Session#usableUntil}, kept with every use: what the active-session queries and retention compare (a
     * row read back derives it from the other columns).
     */
    @Column(name = "usable_until")
    private OffsetDateTime usableUntil;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    @Column(name = "revocation_recorded_at")
    private OffsetDateTime revocationRecordedAt;

    private String ip;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "refresh_hash")
    private String refreshHash;

    protected SessionEntity() {
        // for JPA
    }

    /** The client's address and agent cut to their columns' widths. */
    static SessionEntity of(Session session) {
        ClientInfo client = session.client() == null ? new ClientInfo(null, null) : session.client();
        SessionEntity row = new SessionEntity();
        row.id = session.id().value();
        row.storeId = session.store() == null ? null : session.store().value();
        row.kind = session.kind();
        row.subject = session.subject();
        row.anonymousId = session.anonymousId();
        row.createdAt = Timestamps.utc(session.createdAt());
        row.lastUsedAt = Timestamps.utc(session.lastUsedAt());
        row.expiresAt = Timestamps.utc(session.expiresAt());
        row.usableUntil = Timestamps.utc(session.usableUntil());
        row.idleTimeoutSeconds = session.idleTimeout().getSeconds();
        row.accessTtlSeconds = session.accessTokenTtl().getSeconds();
        row.revokedAt = Timestamps.utc(session.revokedAt());
        row.revokeReason = session.revokeReason();
        row.ip = Sql.clip(client.ip(), 100);
        row.userAgent = Sql.clip(client.userAgent(), 512);
        row.refreshHash = session.refreshHash().hex();
        return row;
    }

    Session toSession() {
        return new Session(
                new SessionId(id),
                storeId == null ? null : new StoreId(storeId),
                kind,
                subject,
                anonymousId,
                Timestamps.instant(createdAt),
                Timestamps.instant(lastUsedAt),
                Timestamps.instant(expiresAt),
                Duration.ofSeconds(idleTimeoutSeconds),
                Duration.ofSeconds(accessTtlSeconds),
                Timestamps.instant(revokedAt),
                revokeReason,
                new ClientInfo(ip, userAgent),
                new TokenHash(refreshHash));
    }
}
