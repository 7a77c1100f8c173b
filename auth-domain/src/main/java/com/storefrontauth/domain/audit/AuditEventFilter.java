package com.storefrontauth.domain.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a store's events to read: of any of {@code types} (every type when empty), about {@code subject}
 * (anyone when null), since {@code since} (ever when null).
 */
public record AuditEventFilter(Set<AuditEventType> types, String subject, Instant since) {

    public AuditEventFilter {
        types = Set.copyOf(types);
    }

    /** One type or every type (null), since a time or ever (null). */
    public static AuditEventFilter of(AuditEventType type, Instant since) {
        return new AuditEventFilter(type == null ? Set.of() : Set.of(type), null, since);
    }
}
