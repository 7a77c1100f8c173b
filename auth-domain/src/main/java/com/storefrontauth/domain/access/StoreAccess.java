package com.storefrontauth.domain.access;

import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one place that decides which stores an operator may see. A store the operator may not see
 * answers exactly like a store that does not exist, so ids cannot be probed.
 */
@ApplicationScoped
public class StoreAccess {

    private StoreRepository stores;
    private AccountRepository accounts;

    protected StoreAccess() {
        // for CDI proxies
    }

    @Inject
    public StoreAccess(StoreRepository stores, AccountRepository accounts) {
        this.stores = stores;
        this.accounts = accounts;
    }

    public Store require(Operator operator, StoreId storeId) {
        return stores.find(storeId)
                .filter(store -> mayAccess(operator, store.id()))
                .orElseThrow(() -> DomainException.notFound("store"));
    }

    public List<Store> visibleTo(Operator operator) {
        if (operator instanceof Operator.Merchant merchant) {
            return stores.findByMember(merchant.account());
        }
        if (operator instanceof Operator.SecretKey key) {
            return stores.find(key.store()).stream().toList();
        }
        return stores.findAll();
    }

    /** Secret keys act inside their store; only people create stores. */
    public void requirePerson(Operator operator) {
        if (operator instanceof Operator.SecretKey) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A secret key cannot do this; sign in as a merchant.");
        }
    }

    public void requirePlatformAdmin(Operator operator) {
        if (!(operator instanceof Operator.PlatformAdmin)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only a platform admin can do this.");
        }
    }

    private boolean mayAccess(Operator operator, StoreId storeId) {
        if (operator instanceof Operator.Merchant merchant) {
            return accounts.isMember(merchant.account(), storeId);
        }
        if (operator instanceof Operator.SecretKey key) {
            return key.store().equals(storeId);
        }
        return operator instanceof Operator.PlatformAdmin;
    }
}
