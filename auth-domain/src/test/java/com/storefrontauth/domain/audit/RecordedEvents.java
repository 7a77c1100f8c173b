package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** An audit trail in memory, and an {@link AuditLog} that writes to it, for domain tests. */
public class RecordedEvents implements AuditEventRepository {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    public AuditLog log(Clock clock) {
        return new AuditLog(this, new DirectTransactions(), new StoreAccess(null, null), clock);
    }

    public List<AuditEventType> types() {
        return events.stream().map(AuditEvent::type).toList();
    }

    /** Every event recorded, of every store, in the order recorded. */
    public List<AuditEvent> all() {
        return List.copyOf(events);
    }

    /** The details of the {@code index}-th event recorded. */
    public Map<String, String> details(int index) {
        return events.get(index).details();
    }

    @Override
    public void insert(AuditEvent event) {
        events.add(event);
    }

    /** Like the database: per type and UTC hour, oldest hour first, then by type. */
    @Override
    public List<HourlyCount> countByHour(StoreId store, Set<AuditEventType> types, Instant since) {
        record Key(AuditEventType type, Instant hour) {}
        Map<Key, Long> counts = events.stream()
                .filter(e -> store.equals(e.store())
                        && types.contains(e.type())
                        && !e.occurredAt().isBefore(since))
                .collect(Collectors.groupingBy(
                        e -> new Key(e.type(), e.occurredAt().truncatedTo(ChronoUnit.HOURS)), Collectors.counting()));
        return counts.entrySet().stream()
                .map(c -> new HourlyCount(c.getKey().type(), c.getKey().hour(), c.getValue()))
                .sorted(Comparator.comparing(HourlyCount::hour).thenComparing(HourlyCount::type))
                .toList();
    }

    /** Like the database: newest first. */
    @Override
    public Page<AuditEvent> page(StoreId store, AuditEventFilter filter, PageRequest request) {
        List<AuditEvent> matching = matching(store, filter);
        return new Page<>(
                matching.stream().skip(request.offset()).limit(request.size()).toList(),
                request.page(),
                request.size(),
                matching.size());
    }

    @Override
    public void each(StoreId store, AuditEventFilter filter, Consumer<AuditEvent> each) {
        matching(store, filter).forEach(each);
    }

    private List<AuditEvent> matching(StoreId store, AuditEventFilter filter) {
        return events.stream()
                .filter(e -> store.equals(e.store()))
                .filter(e -> filter.types().isEmpty() || filter.types().contains(e.type()))
                .filter(e -> filter.subject() == null || filter.subject().equals(e.subject()))
                .filter(e -> filter.since() == null || !e.occurredAt().isBefore(filter.since()))
                .sorted(Comparator.comparing(AuditEvent::occurredAt).reversed())
                .toList();
    }

    @Override
    public synchronized int deleteOccurredBefore(Instant before, int limit) {
        List<AuditEvent> old = events.stream()
                .filter(e -> e.occurredAt().isBefore(before))
                .limit(limit)
                .toList();
        events.removeAll(old);
        return old.size();
    }
}
