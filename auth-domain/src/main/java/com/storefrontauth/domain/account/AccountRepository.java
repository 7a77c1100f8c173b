package com.storefrontauth.domain.account;

import com.storefrontauth.domain.store.StoreId;
import java.util.Optional;

public interface AccountRepository {

    void insert(MerchantAccount account);

    void updatePasswordHash(AccountId id, String passwordHash);

    Optional<MerchantAccount> findByEmail(String normalisedEmail);

    Optional<MerchantAccount> find(AccountId id);

    void addMembership(AccountId account, StoreId store);

    boolean isMember(AccountId account, StoreId store);
}
