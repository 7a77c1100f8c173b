package com.storefrontauth.admin;

import com.storefrontauth.domain.activity.AuditEntry;
import com.storefrontauth.domain.activity.AuditTrail;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.shared.DomainException;
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

/**
 * A store's audit log, newest first, loaded page by page, filterable by event type, age and customer (email,
 * phone or id; {@code ?customer=} opens it filtered). Subjects read as emails and phones.
 */
@Named
@ViewScoped
public class AuditLogView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    private String type;
    private String customer;
    private int days = 7;
    private final LazyDataModel<AuditEntry> events =
            new PagedRows<>(this::page, entry -> entry.event().id());

    @Override
    protected void refresh() {
        // the table loads its pages itself
    }

    public List<String> getTypes() {
        return Arrays.stream(AuditEventType.values())
                .map(AuditEventType::wireValue)
                .sorted()
                .toList();
    }

    private Page<AuditEntry> page(PageRequest request) {
        AuditEventType chosen = type == null || type.isBlank()
                ? null
                : AuditEventType.fromWire(type).orElse(null);
        try {
            return trail.page(
                    session.operator(), id(), chosen, customer, Instant.now().minus(Duration.ofDays(days)), request);
        } catch (DomainException refused) {
            Feedback.refused(refused);
            return new Page<>(List.of(), request.page(), request.size(), 0);
        }
    }

    public LazyDataModel<AuditEntry> getEvents() {
        return events;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }
}
