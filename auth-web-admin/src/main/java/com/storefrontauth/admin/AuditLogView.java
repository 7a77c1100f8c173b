package com.storefrontauth.admin;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A store's audit log, newest first, loaded page by page, filterable by event type and age. */
@Named
@ViewScoped
public class AuditLogView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog audit;

    private String type;
    private int days = 7;
    private final LazyDataModel<AuditEvent> events = new Events();

    @Override
    protected void refresh() {
        // the table loads its pages itself
    }

    public List<String> getTypes() {
        return Arrays.stream(AuditEventType.values()).map(AuditEventType::wireValue).sorted().toList();
    }

    /** The event's details as one readable line. */
    public String details(AuditEvent event) {
        return String.join(", ", event.details().entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList());
    }

    private final class Events extends LazyDataModel<AuditEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, page(new PageRequest(1, 1)).total());
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int size = Math.max(1, Math.min(pageSize, Page.MAX_SIZE));
            Page<AuditEvent> page = page(new PageRequest(first / size + 1, size));
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return event.id();
        }

        private Page<AuditEvent> page(PageRequest request) {
            AuditEventType chosen = type == null || type.isBlank() ? null : AuditEventType.fromWire(type).orElse(null);
            return audit.page(session.operator(), id(), chosen, Instant.now().minus(Duration.ofDays(days)), request);
        }
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }
}
