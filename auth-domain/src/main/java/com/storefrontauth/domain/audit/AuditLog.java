package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Records audit events and reads them back, store by store. */
@ApplicationScoped
public class AuditLog {

    private AuditEventRepository events;
    private Transactions transactions;
    private StoreAccess access;
    private Clock clock;

    protected AuditLog() {
        // for CDI proxies
    }

    @Inject
    public AuditLog(AuditEventRepository events, Transactions transactions, StoreAccess access, Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.access = access;
        this.clock = clock;
    }

    /** Part of the caller's unit of work: it commits or rolls back with the change it describes. */
    public void record(
            StoreId store, AuditEventType type, String subject, ClientInfo client, Map<String, String> details) {
        events.insert(event(store, type, subject, client, details));
    }

    /** Commits on its own: for refusals, whose request rolls back. */
    public void recordRefusal(
            StoreId store, AuditEventType type, String subject, ClientInfo client, Map<String, String> details) {
        AuditEvent event = event(store, type, subject, client, details);
        transactions.independent(() -> events.insert(event));
    }

    public Page<AuditEvent> page(
            Operator operator, StoreId storeId, AuditEventType type, Instant since, PageRequest request) {
        return transactions.required(() -> {
            access.require(operator, storeId);
            return events.page(storeId, AuditEventFilter.of(type, since), request);
        });
    }

    private AuditEvent event(
            StoreId store, AuditEventType type, String subject, ClientInfo client, Map<String, String> details) {
        ClientInfo from = client == null ? new ClientInfo(null, null) : client;
        return new AuditEvent(
                AuditEvent.newId(), store, type, subject, from.ip(), from.userAgent(), details, clock.instant());
    }
}
