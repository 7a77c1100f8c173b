package com.storefrontauth.domain.store;

import com.storefrontauth.domain.account.AccountId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store table in memory; every account counts as a member of every store. */
public record InMemoryStores(Map<StoreId, Store> byId) implements StoreRepository {

    /** A table of the given stores, to which more may be added. */
    public static InMemoryStores of(Store... stores) {
        Map<StoreId, Store> byId = new HashMap<>();
        for (Store store : stores) {
            byId.put(store.id(), store);
        }
        return new InMemoryStores(byId);
    }

    @Override
    public void insert(Store store) {
        byId.put(store.id(), store);
    }

    @Override
    public void update(Store store) {
        byId.put(store.id(), store);
    }

    @Override
    public Optional<Store> find(StoreId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Store> findAll() {
        return List.copyOf(byId.values());
    }

    @Override
    public List<Store> findByMember(AccountId member) {
        return findAll();
    }
}
