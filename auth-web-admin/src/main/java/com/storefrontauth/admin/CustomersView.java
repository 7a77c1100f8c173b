package com.storefrontauth.admin;

import com.storefrontauth.domain.activity.AuditEntry;
import com.storefrontauth.domain.activity.AuditTrail;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerAdministration;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * A store's customers: a lazy, paged search; one customer's detail with verified flags, active sessions and
 * recent sign-ins and failures; disable/enable, end one session, sign out everywhere.
 */
@Named
@ViewScoped
public class CustomersView extends StorePage {

    private static final long serialVersionUID = 1L;

    private static final int RECENT_SIGN_INS = 10;

    @Inject
    CustomerAdministration administration;

    @Inject
    AuditTrail trail;

    private String query;
    private Customer selected;
    private List<Session> sessions = List.of();
    private List<AuditEntry> signIns = List.of();
    private final LazyDataModel<Customer> found = new PagedRows<>(
            request -> administration.search(
                    session.operator(), id(), query == null || query.isBlank() ? null : query, request),
            customer -> customer.id().value());

    @Override
    protected void refresh() {
        if (selected != null) {
            selected = administration.get(session.operator(), id(), selected.id());
            sessions = administration.activeSessions(session.operator(), id(), selected.id());
            signIns = trail.recentSignIns(session.operator(), id(), selected.id(), RECENT_SIGN_INS);
        }
    }

    public void open(Customer customer) {
        selected = customer;
        guarded(this::refresh, null);
    }

    public void switchStatus() {
        CustomerStatus next = selected.isDisabled() ? CustomerStatus.ACTIVE : CustomerStatus.DISABLED;
        guarded(
                () -> administration.changeStatus(session.operator(), id(), selected.id(), next, Feedback.client()),
                next == CustomerStatus.DISABLED ? "Customer disabled: their sessions ended." : "Customer enabled.");
    }

    public void endSession(Session target) {
        guarded(
                () -> administration.revokeSession(session.operator(), id(), target.id(), Feedback.client()),
                "Session ended: its tokens stop working on our routes at once.");
    }

    public void endAllSessions() {
        guarded(
                () -> administration.revokeAllSessions(session.operator(), id(), selected.id(), Feedback.client()),
                "Signed out everywhere.");
    }

    private void guarded(Runnable work, String done) {
        try {
            work.run();
            refresh();
            if (done != null) {
                Feedback.info(done);
            }
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public LazyDataModel<Customer> getFound() {
        return found;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Customer getSelected() {
        return selected;
    }

    public List<Session> getSessions() {
        return sessions;
    }

    public List<AuditEntry> getSignIns() {
        return signIns;
    }
}
