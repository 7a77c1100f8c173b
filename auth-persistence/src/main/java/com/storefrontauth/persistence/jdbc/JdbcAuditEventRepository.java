package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.audit.AuditEvent;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log, read a store at a time, newest first. */
@ApplicationScoped
public class JdbcAuditEventRepository implements AuditEventRepository {

    private static final String COLUMNS = "id, store_id, type, subject, ip, user_agent, details, occurred_at";
    private static final int MAX_DETAIL_LENGTH = 400;

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
        sql.update("INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.id(),
                event.store() == null ? null : event.store().value(), event.type(), Sql.clip(event.subject(), 320),
                Sql.clip(event.ip(), 100), Sql.clip(event.userAgent(), 512), JsonColumns.write(details),
                event.occurredAt());
    }

    @Override
    public Page<AuditEvent> page(StoreId store, AuditEventType type, Instant since, PageRequest request) {
        StringBuilder where = new StringBuilder(" WHERE store_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(store.value()));
        if (type != null) {
            where.append(" AND type = ?");
            parameters.add(type);
        }
        if (since != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(since);
        }
        long total = sql.count("SELECT COUNT(*) FROM audit_events" + where, parameters.toArray());
        List<AuditEvent> items = List.of();
        if (total > request.offset()) {
            parameters.add(request.size());
            parameters.add(request.offset());
            items = sql.list("SELECT " + COLUMNS + " FROM audit_events" + where
                    + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", JdbcAuditEventRepository::event,
                    parameters.toArray());
        }
        return new Page<>(items, request.page(), request.size(), total);
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        String store = row.getString("store_id");
        return new AuditEvent(row.getString("id"), store == null ? null : new StoreId(store),
                AuditEventType.valueOf(row.getString("type")), row.getString("subject"), row.getString("ip"),
                row.getString("user_agent"), JsonColumns.readStrings(row.getString("details")),
                Sql.instant(row, "occurred_at"));
    }
}
