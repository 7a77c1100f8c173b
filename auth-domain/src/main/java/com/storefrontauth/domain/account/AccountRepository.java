package com.storefrontauth.domain.account;

import com.storefrontauth.domain.store.StoreId;
import java.util.Optional;

public interface AccountRepository {

    void insert(MerchantAccount account);

    void updatePasswordHash(AccountId id, String passwordHash);

    void updateStatus(AccountId id, AccountStatus status);

    /** @return false when the email already has an account (nothing is written then) */
    boolean insertIfAbsent(MerchantAccount account);

    Optional<MerchantAccount> findByEmail(String normalisedEmail);

    Optional<MerchantAccount> find(AccountId id);

    void addMembership(AccountId account, StoreId store);

    boolean isMember(AccountId account, StoreId store);
}
