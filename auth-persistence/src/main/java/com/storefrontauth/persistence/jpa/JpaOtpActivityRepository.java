package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.otp.OtpActivityRepository;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.persistence.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Codes sent and wrong codes entered on JPA, one row each, per destination key: the sliding windows of the
 * send limit and the failure budget are counts over these rows. Old rows are pruned by {@link #deleteBefore}.
 */
@ApplicationScoped
public class JpaOtpActivityRepository implements OtpActivityRepository {

    /** Each window counts from its own start (inclusive); the newest send from the earlier of the two starts. */
    private static final String SUMMARY = "SELECT"
            + " MAX(CASE WHEN kind = ?1 THEN occurred_at END),"
            + " COUNT(CASE WHEN kind = ?1 AND occurred_at >= ?2 THEN 1 END),"
            + " MIN(CASE WHEN kind = ?1 AND occurred_at >= ?2 THEN occurred_at END),"
            + " COUNT(CASE WHEN kind = ?3 AND occurred_at >= ?4 THEN 1 END),"
            + " MIN(CASE WHEN kind = ?3 AND occurred_at >= ?4 THEN occurred_at END)"
            + " FROM otp_activity WHERE destination_key = ?5 AND occurred_at >= ?6";

    /**
     * otp_activity is written only by this repository's statements, which reach the database at once, never through
     * an entity, so no pending entity change of the transaction can alter what these statements read or write: they
     * need not flush the unit of work first (a code's start counts and records three keys, and each flush compared
     * every entity the transaction holds). The start's challenge, message and event go out together at the commit.
     */
    private static final FlushModeType ACTIVITY_ONLY = FlushModeType.COMMIT;

    @Inject
    Jpa jpa;

    protected JpaOtpActivityRepository() {
        // for CDI
    }

    public JpaOtpActivityRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    /**
     * Native SQL: the row's id is the database's (an identity column) and nothing reads it, while persisting
     * an entity would read it back, which EclipseLink's H2 platform does with {@code CALL IDENTITY()}, a
     * function H2 2 no longer has. Like {@link #summarize}, it does not flush the transaction's pending entity
     * changes first ({@link #ACTIVITY_ONLY}).
     */
    @Override
    public void record(TokenHash destination, Kind kind, Instant at) {
        jpa.run(
                "record one-time code activity",
                em -> em.createNativeQuery(
                                "INSERT INTO otp_activity (destination_key, kind, occurred_at) VALUES (?1, ?2, ?3)")
                        .setFlushMode(ACTIVITY_ONLY)
                        .setParameter(1, destination.hex())
                        .setParameter(2, kind.name())
                        .setParameter(3, Timestamps.utc(at))
                        .executeUpdate());
    }

    /**
     * Native SQL: one aggregate with a CASE per window, where JPQL's CASE must end in an ELSE and EclipseLink
     * binds its literals ({@code ELSE NULL}, 1, 0) as parameters, which PostgreSQL cannot type inside a CASE
     * beside a timestamp. COUNT over CASE, not SUM, so an address without rows reads zero rather than NULL;
     * an aggregate without GROUP BY always yields one row.
     */
    @Override
    public Summary summarize(TokenHash destination, Instant sentSince, Instant failedSince) {
        Instant since = sentSince.isBefore(failedSince) ? sentSince : failedSince;
        Object[] row = jpa.read("summarize one-time code activity", em -> (Object[]) em.createNativeQuery(SUMMARY)
                .setFlushMode(ACTIVITY_ONLY)
                .setParameter(1, Kind.SENT.name())
                .setParameter(2, Timestamps.utc(sentSince))
                .setParameter(3, Kind.FAILED.name())
                .setParameter(4, Timestamps.utc(failedSince))
                .setParameter(5, destination.hex())
                .setParameter(6, Timestamps.utc(since))
                .getSingleResult());
        return new Summary(instant(row[0]), count(row[1]), instant(row[2]), count(row[3]), instant(row[4]));
    }

    /** JPQL cannot bound a DELETE (no LIMIT), so the ids are picked first, up to the limit, and deleted by id. */
    @Override
    public int deleteBefore(Instant before, int limit) {
        return jpa.run("delete old one-time code activity", em -> {
            List<Long> ids = em.createNamedQuery(OtpActivityEntity.BEFORE, Long.class)
                    .setParameter("before", Timestamps.utc(before))
                    .setMaxResults(limit)
                    .getResultList();
            return ids.isEmpty()
                    ? 0
                    : em.createNamedQuery(OtpActivityEntity.DELETE_BEFORE)
                            .setParameter("ids", ids)
                            .setParameter("before", Timestamps.utc(before))
                            .executeUpdate();
        });
    }

    /** A native query's times come back as the driver reads the column (H2 and PostgreSQL differ). */
    private static Optional<Instant> instant(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof OffsetDateTime time) {
            return Optional.of(time.toInstant());
        }
        if (value instanceof Timestamp time) {
            return Optional.of(time.toInstant());
        }
        throw new DataAccessException(
                "An activity time came back as " + value.getClass().getName(), null);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
