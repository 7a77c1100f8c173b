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
import org.primefaces.model.LazyDataModel;

/** A store's audit log, newest first, loaded page by page, filterable by event type and age. */
@Named
@ViewScoped
public class AuditLogView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog audit;

    private String type;
    private int days = 7;
    private final LazyDataModel<AuditEvent> events = new PagedRows<>(this::page, AuditEvent::id);

    @Override
    protected void refresh() {
        // the table loads its pages itself
    }

    public List<String> getTypes() {
        return Arrays.stream(AuditEventType.values()).map(AuditEventType::wireValue).sorted().toList();
    }

    private Page<AuditEvent> page(PageRequest request) {
        AuditEventType chosen = type == null || type.isBlank() ? null : AuditEventType.fromWire(type).orElse(null);
        return audit.page(session.operator(), id(), chosen, Instant.now().minus(Duration.ofDays(days)), request);
    }

    /** The event's details as one readable line. */
    public String details(AuditEvent event) {
        return String.join(", ", event.details().entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList());
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
