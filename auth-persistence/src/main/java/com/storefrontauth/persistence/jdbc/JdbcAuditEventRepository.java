package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventFilter;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The audit log, read a store at a time, newest first. */
@ApplicationScoped
public class JdbcAuditEventRepository implements AuditEventRepository {

    private static final String COLUMNS = "id, store_id, type, subject, ip, user_agent, details, occurred_at";
    private static final int MAX_DETAIL_LENGTH = 400;
    private static final long SECONDS_PER_HOUR = 3600;

    @Inject
    Sql sql;

    protected JdbcAuditEventRepository() {
        // for CDI
    }

    JdbcAuditEventRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(AuditEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        event.details().forEach((name, value) -> details.put(name, Sql.clip(value, MAX_DETAIL_LENGTH)));
        sql.update(
                "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.id(),
                event.store() == null ? null : event.store().value(),
                event.type(),
                Sql.clip(event.subject(), 320),
                Sql.clip(event.ip(), 100),
                Sql.clip(event.userAgent(), 512),
                JsonColumns.write(details),
                event.occurredAt());
    }

    /**
     * Grouped in the database by the hour's number since the epoch: whole seconds since 1970-01-01 UTC
     * (EXTRACT(EPOCH) of a TIMESTAMP WITH TIME ZONE is absolute on H2 and PostgreSQL alike, whatever the
     * session's time zone) divided by 3600 in integers. Oldest hour first, then by type.
     */
    @Override
    public List<HourlyCount> countByHour(StoreId store, Set<AuditEventType> types, Instant since) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(store.value()));
        parameters.addAll(types);
        parameters.add(since);
        String placeholders = String.join(", ", Collections.nCopies(types.size(), "?"));
        List<HourlyCount> counts = new ArrayList<>(sql.list(
                "SELECT type, hour_number, COUNT(*) AS events FROM ("
                        + "SELECT type, CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at)) AS BIGINT) / " + SECONDS_PER_HOUR
                        + " AS hour_number FROM audit_events WHERE store_id = ? AND type IN (" + placeholders + ")"
                        + " AND occurred_at >= ?) hourly GROUP BY type, hour_number",
                row -> new HourlyCount(
                        AuditEventType.valueOf(row.getString("type")),
                        Instant.ofEpochSecond(row.getLong("hour_number") * SECONDS_PER_HOUR),
                        row.getLong("events")),
                parameters.toArray()));
        counts.sort(Comparator.comparing(HourlyCount::hour).thenComparing(HourlyCount::type));
        return counts;
    }

    @Override
    public Page<AuditEvent> page(StoreId store, AuditEventFilter filter, PageRequest request) {
        List<Object> parameters = new ArrayList<>();
        String where = matching(store, filter, parameters);
        return sql.page(
                COLUMNS,
                "audit_events" + where,
                "occurred_at DESC, id DESC",
                JdbcAuditEventRepository::event,
                request,
                parameters);
    }

    @Override
    public void each(StoreId store, AuditEventFilter filter, Consumer<AuditEvent> each) {
        List<Object> parameters = new ArrayList<>();
        String where = matching(store, filter, parameters);
        sql.each(
                "SELECT " + COLUMNS + " FROM audit_events" + where + " ORDER BY occurred_at DESC, id DESC",
                JdbcAuditEventRepository::event,
                each,
                parameters.toArray());
    }

    private static String matching(StoreId store, AuditEventFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE store_id = ?");
        parameters.add(store.value());
        if (!filter.types().isEmpty()) {
            where.append(" AND type IN (")
                    .append(String.join(", ", Collections.nCopies(filter.types().size(), "?")))
                    .append(")");
            parameters.addAll(filter.types());
        }
        if (filter.subject() != null) {
            where.append(" AND subject = ?");
            parameters.add(filter.subject());
        }
        if (filter.since() != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(filter.since());
        }
        return where.toString();
    }

    @Override
    public int deleteOccurredBefore(Instant before, int limit) {
        return sql.update(
                "DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE occurred_at < ?"
                        + " FETCH FIRST " + limit + " ROWS ONLY)",
                before);
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        String store = row.getString("store_id");
        return new AuditEvent(
                row.getString("id"),
                store == null ? null : new StoreId(store),
                AuditEventType.valueOf(row.getString("type")),
                row.getString("subject"),
                row.getString("ip"),
                row.getString("user_agent"),
                JsonColumns.readStrings(row.getString("details")),
                Sql.instant(row, "occurred_at"));
    }
}
