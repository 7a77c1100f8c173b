package com.storefrontauth.admin;

import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerAdministration;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A store's customers: a lazy, paged search; one customer's detail with verified flags and active
 * sessions; disable/enable, end one session, sign out everywhere.
 */
@Named
@ViewScoped
public class CustomersView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerAdministration administration;

    private String query;
    private Customer selected;
    private List<Session> sessions = List.of();
    private final LazyDataModel<Customer> found = new Results();

    @Override
    protected void refresh() {
        if (selected != null) {
            selected = administration.get(session.operator(), id(), selected.id());
            sessions = administration.activeSessions(session.operator(), id(), selected.id());
        }
    }

    public void open(Customer customer) {
        selected = customer;
        guarded(this::refresh, null);
    }

    public void switchStatus() {
        CustomerStatus next = selected.isDisabled() ? CustomerStatus.ACTIVE : CustomerStatus.DISABLED;
        guarded(() -> administration.changeStatus(session.operator(), id(), selected.id(), next, Feedback.client()),
                next == CustomerStatus.DISABLED ? "Customer disabled: their sessions ended." : "Customer enabled.");
    }

    public void endSession(Session target) {
        guarded(() -> administration.revokeSession(session.operator(), id(), target.id(), Feedback.client()),
                "Session ended: its tokens stop working on our routes at once.");
    }

    public void endAllSessions() {
        guarded(() -> administration.revokeAllSessions(session.operator(), id(), selected.id(), Feedback.client()),
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

    /** Pages of the search, loaded as the table asks for them. */
    private final class Results extends LazyDataModel<Customer> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, search(new PageRequest(1, 1)).total());
        }

        @Override
        public List<Customer> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int size = Math.max(1, Math.min(pageSize, Page.MAX_SIZE));
            Page<Customer> page = search(new PageRequest(first / size + 1, size));
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(Customer customer) {
            return customer.id().value();
        }

        @Override
        public Customer getRowData(String rowKey) {
            return administration.get(session.operator(), id(), new CustomerId(rowKey));
        }

        private Page<Customer> search(PageRequest request) {
            return administration.search(session.operator(), id(), query == null || query.isBlank() ? null : query,
                    request);
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
}
