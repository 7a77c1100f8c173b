package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreService;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * A page about one store, named by {@code ?store=st_…}. The store is looked up through the domain for the
 * signed-in operator, so an id edited in the URL or a postback to another merchant's store finds nothing.
 */
public abstract class StorePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    @Inject
    ConsoleSession session;

    private String storeId;
    private Store store;

    /** The {@code f:viewAction} of the page: loads the store and the page's data, or says it is not there. */
    public void load() {
        try {
            store = stores.get(session.operator(), parse(storeId));
            refresh();
        } catch (DomainException refused) {
            store = null;
            Feedback.refused(refused);
        }
    }

    /** Reads the page's data for {@link #getStore()}. */
    protected abstract void refresh();

    static StoreId parse(String value) {
        return StoreId.parse(value).orElseThrow(() -> DomainException.notFound("store"));
    }

    protected StoreId id() {
        return store.id();
    }

    public Store getStore() {
        return store;
    }

    public String getStoreId() {
        return storeId;
    }

    public void setStoreId(String storeId) {
        this.storeId = storeId;
    }
}
