package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.shared.PublicId;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a store's security: who, from where, when. {@code store} is null for
 * platform-level events (an admin signing in). Details never hold a secret.
 */
public record AuditEvent(
        String id,
        StoreId store,
        AuditEventType type,
        String subject,
        String ip,
        String userAgent,
        Map<String, String> details,
        Instant occurredAt) {

    public static final String PREFIX = "evt_";

    public AuditEvent {
        details = Map.copyOf(details);
    }

    public static String newId() {
        return PublicId.generate(PREFIX);
    }
}
