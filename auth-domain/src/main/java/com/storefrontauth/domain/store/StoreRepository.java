package com.storefrontauth.domain.store;

import java.util.List;
import java.util.Optional;

public interface StoreRepository {

    void insert(Store store);

    void update(Store store);

    Optional<Store> find(StoreId id);

    List<Store> findAll();

    List<Store> findByMember(com.storefrontauth.domain.account.AccountId member);
}
