package com.storefrontauth.domain.account;

import com.storefrontauth.domain.store.StoreId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Merchant and platform-admin accounts in memory, with store memberships. */
class InMemoryAccounts implements AccountRepository {

    private final Map<AccountId, MerchantAccount> accounts = new ConcurrentHashMap<>();
    private final Set<String> memberships = ConcurrentHashMap.newKeySet();

    @Override
    public void insert(MerchantAccount account) {
        accounts.put(account.id(), account);
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        find(id).ifPresent(account -> account.replacePasswordHash(passwordHash));
    }

    @Override
    public void updateStatus(AccountId id, AccountStatus status) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public boolean insertIfAbsent(MerchantAccount account) {
        return accounts.putIfAbsent(account.id(), account) == null;
    }

    @Override
    public Optional<MerchantAccount> findByEmail(String normalisedEmail) {
        return accounts.values().stream()
                .filter(account -> account.email().equals(normalisedEmail))
                .findFirst();
    }

    @Override
    public Optional<MerchantAccount> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public void addMembership(AccountId account, StoreId store) {
        memberships.add(account.value() + "/" + store.value());
    }

    @Override
    public boolean isMember(AccountId account, StoreId store) {
        return memberships.contains(account.value() + "/" + store.value());
    }
}
