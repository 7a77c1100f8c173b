package com.storefrontauth.admin;

import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreMode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The messages a test-mode store sent (dev channel, or any provider), newest first, with their codes. */
@Named
@ViewScoped
public class OutboxView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    Outbox outbox;

    private List<Outbox.Entry> entries = List.of();

    @Override
    protected void refresh() {
        if (getStore().mode() != StoreMode.TEST) {
            entries = List.of();
            return;
        }
        try {
            entries = outbox.page(session.operator(), id(), new PageRequest(1, 50))
                    .items();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public void reload() {
        refresh();
    }

    public List<Outbox.Entry> getEntries() {
        return entries;
    }

    public boolean isTestMode() {
        return getStore() != null && getStore().mode() == StoreMode.TEST;
    }
}
