package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.jdbc.JsonColumns;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of {@code audit_events}; its details are a JSON object of strings in a text column. */
@Entity
@Table(name = "audit_events")
@NamedQuery(
        name = AuditEventEntity.OCCURRED_BEFORE,
        query = "SELECT e.id FROM AuditEventEntity e WHERE e.occurredAt < :before")
@NamedQuery(name = AuditEventEntity.DELETE, query = "DELETE FROM AuditEventEntity e WHERE e.id IN :ids")
public class AuditEventEntity {

    static final String OCCURRED_BEFORE = "AuditEventEntity.occurredBefore";
    static final String DELETE = "AuditEventEntity.delete";

    private static final int MAX_DETAIL_LENGTH = 400;

    @Id
    private String id;

    @Column(name = "store_id")
    private String storeId;

    @Enumerated(EnumType.STRING)
    private AuditEventType type;

    private String subject;

    private String ip;

    @Column(name = "user_agent")
    private String userAgent;

    private String details;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    protected AuditEventEntity() {
        // for JPA
    }

    /** Free text cut to its column's width, each detail to 400 characters. */
    static AuditEventEntity of(AuditEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        event.details().forEach((name, value) -> details.put(name, Sql.clip(value, MAX_DETAIL_LENGTH)));
        AuditEventEntity row = new AuditEventEntity();
        row.id = event.id();
        row.storeId = event.store() == null ? null : event.store().value();
        row.type = event.type();
        row.subject = Sql.clip(event.subject(), 320);
        row.ip = Sql.clip(event.ip(), 100);
        row.userAgent = Sql.clip(event.userAgent(), 512);
        row.details = JsonColumns.write(details);
        row.occurredAt = Timestamps.utc(event.occurredAt());
        return row;
    }

    AuditEvent toAuditEvent() {
        return new AuditEvent(
                id,
                storeId == null ? null : new StoreId(storeId),
                type,
                subject,
                ip,
                userAgent,
                JsonColumns.readStrings(details),
                Timestamps.instant(occurredAt));
    }

    String id() {
        return id;
    }

    OffsetDateTime occurredAt() {
        return occurredAt;
    }
}
