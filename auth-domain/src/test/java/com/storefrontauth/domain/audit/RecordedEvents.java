package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit trail in memory, and an {@link AuditLog} that writes to it, for domain tests. */
public class RecordedEvents implements AuditEventRepository {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    public AuditLog log(Clock clock) {
        return new AuditLog(this, new DirectTransactions(), new StoreAccess(null, null), clock);
    }

    public List<AuditEventType> types() {
        return events.stream().map(AuditEvent::type).toList();
    }

    @Override
    public void insert(AuditEvent event) {
        events.add(event);
    }

    @Override
    public Page<AuditEvent> page(StoreId store, AuditEventType type, Instant since, PageRequest request) {
        throw new UnsupportedOperationException("domain tests read the recorded list");
    }
}
