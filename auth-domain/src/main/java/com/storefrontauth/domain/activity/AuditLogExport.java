package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventFilter;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.CsvDownload;
import com.storefrontauth.domain.shared.CsvLine;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's audit log under the console's filter as CSV, subjects named as on screen, written as the
 * database hands the events over (named a page's worth at a time). Every export is itself audited, committed
 * before the first row.
 */
@ApplicationScoped
public class AuditLogExport {

    static final List<String> HEADER =
            List.of("occurred_at", "type", "subject", "subject_id", "ip", "user_agent", "details");

    private AuditTrail trail;
    private AuditEventRepository events;
    private StoreAccess access;
    private AuditLog audit;
    private Transactions transactions;

    protected AuditLogExport() {
        // for CDI proxies
    }

    @Inject
    public AuditLogExport(
            AuditTrail trail,
            AuditEventRepository events,
            StoreAccess access,
            AuditLog audit,
            Transactions transactions) {
        this.trail = trail;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * {@code type}, {@code customer} and {@code since} as for {@link AuditTrail#page}. Refuses before anything
     * is written; audits the export once allowed.
     */
    public CsvDownload start(
            Operator operator, StoreId store, AuditEventType type, String customer, Instant since, ClientInfo client) {
        AuditEventFilter filter = transactions.required(() -> {
            AuditEventFilter allowed = trail.filter(access.require(operator, store), type, customer, since);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("type", type == null ? "" : type.wireValue());
            details.put("customer", customer == null ? "" : customer.strip());
            details.put("since", since == null ? "" : since.toString());
            audit.record(store, AuditEventType.AUDIT_LOG_EXPORTED, operator.subject(), client, details);
            return allowed;
        });
        return out -> transactions.required(() -> {
            line(out, HEADER);
            List<AuditEvent> batch = new ArrayList<>(Page.MAX_SIZE);
            events.each(store, filter, event -> {
                batch.add(event);
                if (batch.size() == Page.MAX_SIZE) {
                    flush(store, batch, out);
                }
            });
            flush(store, batch, out);
        });
    }

    private void flush(StoreId store, List<AuditEvent> batch, Writer out) {
        for (AuditEntry entry : trail.named(store, batch)) {
            AuditEvent event = entry.event();
            line(
                    out,
                    Arrays.asList(
                            event.occurredAt().toString(),
                            event.type().wireValue(),
                            entry.subjectName(),
                            event.subject(),
                            event.ip(),
                            event.userAgent(),
                            entry.detailsLine()));
        }
        batch.clear();
    }

    private static void line(Writer out, List<String> fields) {
        try {
            out.write(CsvLine.of(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
