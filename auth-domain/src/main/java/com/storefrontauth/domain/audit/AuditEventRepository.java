package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

public interface AuditEventRepository {

    void insert(AuditEvent event);

    /**
     * How many events of each of {@code types} the store had per UTC hour since {@code since}; hours
     * without events are left out.
     */
    List<HourlyCount> countByHour(StoreId store, Set<AuditEventType> types, Instant since);

    record HourlyCount(AuditEventType type, Instant hour, long count) {}

    /** Newest first. */
    Page<AuditEvent> page(StoreId store, AuditEventFilter filter, PageRequest request);

    /** {@link #page} without pages: every match, newest first, handed over one at a time as read. */
    void each(StoreId store, AuditEventFilter filter, Consumer<AuditEvent> each);

    /** Deletes up to {@code limit} of the events that occurred before {@code before}, across stores; how many. */
    int deleteOccurredBefore(Instant before, int limit);
}
