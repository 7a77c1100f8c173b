package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The hourly counts in memory, rolled from {@link RecordedEvents} as the database rolls them from its table. */
class InMemoryActivityRollups implements ActivityRollupRepository {

    private record Key(StoreId store, Instant hour, AuditEventType type) {}

    private final RecordedEvents events;
    private final Map<Key, Long> counts = new HashMap<>();
    private final List<Instant> rolled = new ArrayList<>();
    private Optional<Instant> end = Optional.empty();
    private Runnable beforeNextRollUp = () -> {};

    InMemoryActivityRollups(RecordedEvents events) {
        this.events = events;
    }

    /** Every hour counted, in the order counted (by any instance). */
    List<Instant> rolled() {
        return List.copyOf(rolled);
    }

    /** Runs {@code other} (another instance's roll-up) at the start of the next {@link #rollUp}, once. */
    void interleave(Runnable other) {
        beforeNextRollUp = other;
    }

    @Override
    public synchronized Optional<Instant> rolledUntil() {
        return end;
    }

    @Override
    public synchronized boolean rollUp(Optional<Instant> expected, Instant hour) {
        Runnable other = beforeNextRollUp;
        beforeNextRollUp = () -> {};
        other.run();
        if (!end.equals(expected)) {
            return false;
        }
        Instant next = hour.plus(Duration.ofHours(1));
        end = Optional.of(next);
        counts.keySet().removeIf(key -> key.hour().equals(hour));
        for (AuditEvent event : events.all()) {
            if (event.store() != null
                    && !event.occurredAt().isBefore(hour)
                    && event.occurredAt().isBefore(next)) {
                counts.merge(new Key(event.store(), hour, event.type()), 1L, Long::sum);
            }
        }
        rolled.add(hour);
        return true;
    }

    @Override
    public synchronized List<HourlyCount> counts(
            StoreId store, Set<AuditEventType> types, Instant from, Instant until) {
        return counts.entrySet().stream()
                .filter(c -> c.getKey().store().equals(store)
                        && types.contains(c.getKey().type())
                        && !c.getKey().hour().isBefore(from)
                        && c.getKey().hour().isBefore(until))
                .map(c -> new HourlyCount(c.getKey().type(), c.getKey().hour(), c.getValue()))
                .sorted(Comparator.comparing(HourlyCount::hour).thenComparing(HourlyCount::type))
                .toList();
    }

    @Override
    public synchronized int deleteBefore(Instant before) {
        int size = counts.size();
        counts.keySet().removeIf(key -> key.hour().isBefore(before));
        return size - counts.size();
    }
}
