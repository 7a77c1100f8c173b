package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventFilter;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The audit log on JPA, read a store at a time, newest first. */
@ApplicationScoped
public class JpaAuditEventRepository implements AuditEventRepository {

    /** Rows per query of {@link #each}: a long listing is read a chunk at a time, never held at once. */
    public static final int CHUNK = 500;

    private static final long SECONDS_PER_HOUR = 3600;
    private static final String NEWEST_FIRST = " ORDER BY e.occurredAt DESC, e.id DESC";

    @Inject
    Jpa jpa;

    protected JpaAuditEventRepository() {
        // for CDI
    }

    public JpaAuditEventRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    /**
     * Written with the transaction's next flush (a later query's or the commit's), not a flush of its own: the
     * event is as durable as the change it describes and commits or rolls back with it, and a sign-in's two events
     * go out with its other writes instead of costing a round of EclipseLink's change tracking each.
     */
    @Override
    public void insert(AuditEvent event) {
        jpa.run("record an audit event", em -> {
            em.persist(AuditEventEntity.of(event));
            return null;
        });
    }

    /**
     * Native SQL: grouped in the database by the hour's number since the epoch, whole seconds since
     * 1970-01-01 UTC divided by 3600 in integers. JPQL cannot say it: its EXTRACT knows calendar fields only
     * (read in the session's time zone), not the epoch, and it has no arithmetic on timestamps. EXTRACT(EPOCH)
     * of a TIMESTAMP WITH TIME ZONE is absolute on H2 and PostgreSQL alike. Oldest hour first, then by type.
     */
    @Override
    public List<HourlyCount> countByHour(StoreId store, Set<AuditEventType> types, Instant since) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<AuditEventType> listed = List.copyOf(types);
        String placeholders =
                IntStream.range(0, listed.size()).mapToObj(i -> "?" + (i + 2)).collect(Collectors.joining(", "));
        int sinceIndex = listed.size() + 2;
        return jpa.read("count audit events by hour", em -> {
            Query query = em.createNativeQuery("SELECT type, hour_number, COUNT(*) AS events FROM ("
                    + "SELECT type, CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at)) AS BIGINT) / " + SECONDS_PER_HOUR
                    + " AS hour_number FROM audit_events WHERE store_id = ?1 AND type IN (" + placeholders + ")"
                    + " AND occurred_at >= ?" + sinceIndex + ") hourly GROUP BY type, hour_number");
            query.setParameter(1, store.value());
            for (int i = 0; i < listed.size(); i++) {
                query.setParameter(i + 2, listed.get(i).name());
            }
            query.setParameter(sinceIndex, Timestamps.utc(since));
            List<HourlyCount> counts = new ArrayList<>();
            for (Object result : query.getResultList()) {
                Object[] row = (Object[]) result;
                counts.add(new HourlyCount(
                        AuditEventType.valueOf((String) row[0]),
                        Instant.ofEpochSecond(((Number) row[1]).longValue() * SECONDS_PER_HOUR),
                        ((Number) row[2]).longValue()));
            }
            counts.sort(Comparator.comparing(HourlyCount::hour).thenComparing(HourlyCount::type));
            return counts;
        });
    }

    @Override
    public Page<AuditEvent> page(StoreId store, AuditEventFilter filter, PageRequest request) {
        Matching matching = new Matching(store, filter);
        return jpa.read(
                "page audit events",
                em -> PageQuery.page(
                        matching.bind(
                                em.createQuery("SELECT COUNT(e) FROM AuditEventEntity e" + matching.where, Long.class)),
                        matching.bind(rows(em, matching.where + NEWEST_FIRST)),
                        AuditEventEntity::toAuditEvent,
                        request));
    }

    /**
     * A chunk at a time, each continuing after the last row of the one before in the listing's total order
     * (occurred_at, id): rows recorded meanwhile are newer than the first chunk and so never come in later.
     */
    @Override
    public void each(StoreId store, AuditEventFilter filter, Consumer<AuditEvent> each) {
        Matching matching = new Matching(store, filter);
        jpa.run("stream audit events", em -> {
            List<AuditEventEntity> chunk = matching.bind(rows(em, matching.where + NEWEST_FIRST))
                    .setMaxResults(CHUNK)
                    .getResultList();
            while (!chunk.isEmpty()) {
                chunk.forEach(row -> each.accept(row.toAuditEvent()));
                if (chunk.size() < CHUNK) {
                    break;
                }
                AuditEventEntity last = chunk.get(chunk.size() - 1);
                chunk = matching.bind(rows(
                                em,
                                matching.where
                                        + " AND (e.occurredAt < :lastAt OR (e.occurredAt = :lastAt AND e.id < :lastId))"
                                        + NEWEST_FIRST))
                        .setParameter("lastAt", last.occurredAt())
                        .setParameter("lastId", last.id())
                        .setMaxResults(CHUNK)
                        .getResultList();
            }
            return null;
        });
    }

    /**
     * JPQL cannot bound a DELETE (no LIMIT), so the ids are picked first, up to the limit, and deleted by id.
     */
    @Override
    public int deleteOccurredBefore(Instant before, int limit) {
        return jpa.run("delete old audit events", em -> {
            List<String> ids = em.createNamedQuery(AuditEventEntity.OCCURRED_BEFORE, String.class)
                    .setParameter("before", Timestamps.utc(before))
                    .setMaxResults(limit)
                    .getResultList();
            return ids.isEmpty()
                    ? 0
                    : em.createNamedQuery(AuditEventEntity.DELETE)
                            .setParameter("ids", ids)
                            .executeUpdate();
        });
    }

    /** Rows built from what the database holds, never from the unit's cache, and not tracked for changes. */
    private static TypedQuery<AuditEventEntity> rows(EntityManager em, String whereAndOrder) {
        return em.createQuery("SELECT e FROM AuditEventEntity e" + whereAndOrder, AuditEventEntity.class)
                .setHint(QueryHints.MAINTAIN_CACHE, HintValues.FALSE);
    }

    /** The store's events the filter selects: a WHERE clause and its parameters. */
    private static final class Matching {

        private final StoreId store;
        private final AuditEventFilter filter;
        private final String where;

        Matching(StoreId store, AuditEventFilter filter) {
            this.store = store;
            this.filter = filter;
            StringBuilder clause = new StringBuilder(" WHERE e.storeId = :store");
            if (!filter.types().isEmpty()) {
                clause.append(" AND e.type IN :types");
            }
            if (filter.subject() != null) {
                clause.append(" AND e.subject = :subject");
            }
            if (filter.since() != null) {
                clause.append(" AND e.occurredAt >= :since");
            }
            this.where = clause.toString();
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            query.setParameter("store", store.value());
            if (!filter.types().isEmpty()) {
                query.setParameter("types", filter.types());
            }
            if (filter.subject() != null) {
                query.setParameter("subject", filter.subject());
            }
            if (filter.since() != null) {
                query.setParameter("since", Timestamps.utc(filter.since()));
            }
            return query;
        }
    }
}
