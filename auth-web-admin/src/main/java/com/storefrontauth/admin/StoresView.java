package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreChange;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreService;
import com.storefrontauth.domain.store.StoreStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The stores page: the stores the operator sees, open a store, rename it, switch its mode, suspend it. */
@Named
@ViewScoped
public class StoresView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    @Inject
    ConsoleSession session;

    private List<Store> visible;
    private String newName;
    private String newMode = "test";
    private String renaming;
    private String renameTo;

    @PostConstruct
    void load() {
        visible = stores.list(session.operator());
    }

    public void open() {
        try {
            Store store = stores.open(
                    session.operator(), newName, StoreMode.fromWire(newMode).orElse(StoreMode.TEST), Feedback.client());
            Feedback.info("Store \u201c" + store.name() + "\u201d created in "
                    + store.mode().wireValue() + " mode.");
            newName = null;
            load();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public void startRename(Store store) {
        renaming = store.id().value();
        renameTo = store.name();
    }

    public void rename() {
        change(renaming, new StoreChange(renameTo, null, null), "Store renamed.");
    }

    public void switchMode(Store store) {
        StoreMode next = store.mode() == StoreMode.TEST ? StoreMode.LIVE : StoreMode.TEST;
        change(
                store.id().value(),
                new StoreChange(null, next, null),
                "Store switched to " + next.wireValue() + " mode.");
    }

    public void switchStatus(Store store) {
        StoreStatus next = store.isSuspended() ? StoreStatus.ACTIVE : StoreStatus.SUSPENDED;
        change(
                store.id().value(),
                new StoreChange(null, null, next),
                next == StoreStatus.SUSPENDED
                        ? "Store suspended: its storefront routes now answer 403."
                        : "Store resumed.");
    }

    private void change(String storeId, StoreChange change, String done) {
        try {
            stores.change(session.operator(), StorePage.parse(storeId), change, Feedback.client());
            Feedback.info(done);
            load();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public List<Store> getVisible() {
        return visible;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewMode() {
        return newMode;
    }

    public void setNewMode(String newMode) {
        this.newMode = newMode;
    }

    public String getRenameTo() {
        return renameTo;
    }

    public void setRenameTo(String renameTo) {
        this.renameTo = renameTo;
    }
}
