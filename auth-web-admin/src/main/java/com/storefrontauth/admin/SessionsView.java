package com.storefrontauth.admin;

import com.storefrontauth.domain.customer.CustomerAdministration;
import com.storefrontauth.domain.customer.CustomerSession;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

/** A store's active customer sessions: a lazy table narrowed to one customer on demand; end one or all of theirs. */
@Named
@ViewScoped
public class SessionsView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerAdministration administration;

    private String customer;
    private final LazyDataModel<CustomerSession> active = new PagedRows<>(
            request -> administration.sessionPage(session.operator(), id(), customer, request),
            row -> row.session().id().value());

    @Override
    protected void refresh() {
        // the lazy table reads its page when it renders
    }

    /** Checks the filter once so that a malformed one is answered next to the field instead of by an empty table. */
    public void filter() {
        try {
            administration.sessionPage(session.operator(), id(), customer, new PageRequest(1, 1));
        } catch (DomainException refused) {
            customer = null;
            Feedback.refused(refused);
        }
    }

    public void end(CustomerSession row) {
        Feedback.attempt(
                () -> administration.revokeSession(
                        session.operator(), id(), row.session().id(), Feedback.client()),
                "Session ended: its tokens stop working on our routes at once.");
    }

    public void endAllOf(CustomerSession row) {
        Feedback.attempt(
                () -> administration.revokeAllSessions(
                        session.operator(), id(), row.customer().id(), Feedback.client()),
                "Every session of this customer ended.");
    }

    public LazyDataModel<CustomerSession> getActive() {
        return active;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }
}
