package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.activity.ActivityRollupRepository;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The hourly audit counts on JPA, in native SQL: the tables have no entity (nothing is read back as one), and
 * the roll-up is an {@code INSERT … SELECT … GROUP BY}, which JPQL cannot say. The hour's events are found
 * through {@code ix_audit_events_occurred}; the dashboard's read is a range of the primary key.
 */
@ApplicationScoped
public class JpaActivityRollupRepository implements ActivityRollupRepository {

    private static final String CLAIM = "UPDATE audit_rollup_progress SET rolled_until = ?1 WHERE id = 1 AND ";
    private static final String COUNT_HOUR = "INSERT INTO audit_hourly_counts (store_id, hour_start, type, events)"
            + " SELECT store_id, CAST(?1 AS TIMESTAMP WITH TIME ZONE), type, COUNT(*) FROM audit_events"
            + " WHERE store_id IS NOT NULL AND occurred_at >= ?1 AND occurred_at < ?2 GROUP BY store_id, type";

    @Inject
    Jpa jpa;

    protected JpaActivityRollupRepository() {
        // for CDI
    }

    public JpaActivityRollupRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<Instant> rolledUntil() {
        return jpa.read(
                "read how far the audit roll-up came",
                em -> Optional.ofNullable(
                                em.createNativeQuery("SELECT rolled_until FROM audit_rollup_progress WHERE id = 1")
                                        .getSingleResult())
                        .map(Timestamps::column));
    }

    /**
     * The compare-and-set on the progress row comes first: it locks the row, so a second instance rolling the
     * same hour waits for this transaction and then finds the end moved (no row changed) and counts nothing.
     * The hour's old counts are deleted before the new are written, so rolling an hour again replaces it.
     */
    @Override
    public boolean rollUp(Optional<Instant> expected, Instant hour) {
        Instant end = hour.plus(Duration.ofHours(1));
        return jpa.run("roll up an hour of audit events", em -> {
            Query claim = expected.isPresent()
                    ? em.createNativeQuery(CLAIM + "rolled_until = ?2").setParameter(2, Timestamps.utc(expected.get()))
                    : em.createNativeQuery(CLAIM + "rolled_until IS NULL");
            if (claim.setParameter(1, Timestamps.utc(end)).executeUpdate() == 0) {
                return false;
            }
            em.createNativeQuery("DELETE FROM audit_hourly_counts WHERE hour_start = ?1")
                    .setParameter(1, Timestamps.utc(hour))
                    .executeUpdate();
            em.createNativeQuery(COUNT_HOUR)
                    .setParameter(1, Timestamps.utc(hour))
                    .setParameter(2, Timestamps.utc(end))
                    .executeUpdate();
            return true;
        });
    }

    @Override
    public List<HourlyCount> counts(StoreId store, Set<AuditEventType> types, Instant from, Instant until) {
        if (types.isEmpty() || !from.isBefore(until)) {
            return List.of();
        }
        List<AuditEventType> listed = List.copyOf(types);
        String placeholders =
                IntStream.range(0, listed.size()).mapToObj(i -> "?" + (i + 4)).collect(Collectors.joining(", "));
        return jpa.read("read hourly audit counts", em -> {
            Query query = em.createNativeQuery("SELECT type, hour_start, events FROM audit_hourly_counts"
                            + " WHERE store_id = ?1 AND hour_start >= ?2 AND hour_start < ?3 AND type IN ("
                            + placeholders + ")")
                    .setParameter(1, store.value())
                    .setParameter(2, Timestamps.utc(from))
                    .setParameter(3, Timestamps.utc(until));
            for (int i = 0; i < listed.size(); i++) {
                query.setParameter(i + 4, listed.get(i).name());
            }
            List<HourlyCount> counts = new ArrayList<>();
            for (Object result : query.getResultList()) {
                Object[] row = (Object[]) result;
                counts.add(new HourlyCount(
                        AuditEventType.valueOf((String) row[0]),
                        Timestamps.column(row[1]),
                        ((Number) row[2]).longValue()));
            }
            counts.sort(Comparator.comparing(HourlyCount::hour).thenComparing(HourlyCount::type));
            return counts;
        });
    }

    @Override
    public int deleteBefore(Instant before) {
        return jpa.run(
                "forget old hourly audit counts",
                em -> em.createNativeQuery("DELETE FROM audit_hourly_counts WHERE hour_start < ?1")
                        .setParameter(1, Timestamps.utc(before))
                        .executeUpdate());
    }
}
