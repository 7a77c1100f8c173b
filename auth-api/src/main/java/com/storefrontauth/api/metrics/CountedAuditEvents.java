package com.storefrontauth.api.metrics;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.store.StoreId;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every audit event is also a count on {@code /metrics} ({@code auth_events_total{type="otp_sent"}}, …):
 * sign-ins, failures, codes sent, verified and failed, deliveries, refreshes. Counting where events are
 * written keeps the two from telling different stories.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CountedAuditEvents implements AuditEventRepository {

    private static final Metadata EVENTS = Metadata.builder()
            .withName("auth_events")
            .withDescription("Audit events recorded, by type (sign-ins, one-time codes, deliveries, sessions)")
            .build();

    @Inject
    @Delegate
    AuditEventRepository events;

    @Inject
    MetricRegistry registry;

    // one registry lookup per event type, not per event: refresh and sign-in record one each
    private final Map<AuditEventType, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public void insert(AuditEvent event) {
        events.insert(event);
        counters.computeIfAbsent(event.type(), type -> registry.counter(EVENTS, new Tag("type", type.wireValue())))
                .inc();
    }

    @Override
    public List<HourlyCount> countByHour(StoreId store, Set<AuditEventType> types, Instant since) {
        return events.countByHour(store, types, since);
    }
}
