package com.storefrontauth.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreAccessTest {

    private final List<Store> stores = new ArrayList<>();
    private final Set<String> memberships = new HashSet<>();
    private final StoreAccess access = new StoreAccess(new Stores(), new Accounts());

    private final Store storeOfAlice = open();
    private final Store storeOfBob = open();
    private final AccountId alice = AccountId.generate();
    private final AccountId bob = AccountId.generate();

    StoreAccessTest() {
        memberships.add(alice + "/" + storeOfAlice.id());
        memberships.add(bob + "/" + storeOfBob.id());
    }

    @Test
    void requireWhenMerchantAsksForOwnStoreThenGetsIt() {
        assertThat(access.require(new Operator.Merchant(alice), storeOfAlice.id()))
                .isSameAs(storeOfAlice);
    }

    @Test
    void requireWhenMerchantAsksForAnotherMerchantsStoreThenNotFoundAsIfAbsent() {
        assertNotFound(() -> access.require(new Operator.Merchant(alice), storeOfBob.id()));
        assertNotFound(() -> access.require(new Operator.Merchant(alice), StoreId.generate()));
    }

    @Test
    void requireWhenSecretKeyAsksForAnotherStoreThenNotFound() {
        Operator key = new Operator.SecretKey(storeOfAlice.id(), "key_1");
        assertThat(access.require(key, storeOfAlice.id())).isSameAs(storeOfAlice);
        assertNotFound(() -> access.require(key, storeOfBob.id()));
        assertThat(access.visibleTo(key)).containsExactly(storeOfAlice);
    }

    @Test
    void visibleToWhenPlatformAdminThenEveryStore() {
        Operator admin = new Operator.PlatformAdmin(AccountId.generate());
        assertThat(access.visibleTo(admin)).containsExactlyInAnyOrder(storeOfAlice, storeOfBob);
        assertThat(access.visibleTo(new Operator.Merchant(bob))).containsExactly(storeOfBob);
    }

    @Test
    void requirePersonWhenSecretKeyThenForbidden() {
        assertThatThrownBy(() -> access.requirePerson(new Operator.SecretKey(storeOfAlice.id(), "key_1")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> access.requirePlatformAdmin(new Operator.Merchant(alice)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    private Store open() {
        Store store = Store.open("Store", StoreMode.TEST, Instant.EPOCH);
        stores.add(store);
        return store;
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private final class Stores implements StoreRepository {
        @Override
        public void insert(Store store) {
            stores.add(store);
        }

        @Override
        public void update(Store store) {}

        @Override
        public Optional<Store> find(StoreId id) {
            return stores.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> findAll() {
            return List.copyOf(stores);
        }

        @Override
        public List<Store> findByMember(AccountId member) {
            return stores.stream()
                    .filter(s -> memberships.contains(member + "/" + s.id()))
                    .toList();
        }
    }

    private final class Accounts implements AccountRepository {
        @Override
        public void insert(MerchantAccount account) {}

        @Override
        public void updatePasswordHash(AccountId id, String passwordHash) {}

        @Override
        public void updateStatus(AccountId id, com.storefrontauth.domain.account.AccountStatus status) {}

        @Override
        public boolean insertIfAbsent(MerchantAccount account) {
            return true;
        }

        @Override
        public Optional<MerchantAccount> findByEmail(String normalisedEmail) {
            return Optional.empty();
        }

        @Override
        public Optional<MerchantAccount> find(AccountId id) {
            return Optional.empty();
        }

        @Override
        public void addMembership(AccountId account, StoreId store) {
            memberships.add(account + "/" + store);
        }

        @Override
        public boolean isMember(AccountId account, StoreId store) {
            return memberships.contains(account + "/" + store);
        }
    }
}
