package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRole;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.CommissionRate;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.ProfileChange;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreProfile;
import com.storefrontauth.domain.store.StoreStatus;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaStoreRepositoryTest extends RepositoryTest {

    @Test
    void whenAStoreIsInsertedThenItIsFoundWithEveryField() {
        Store store = Store.open("Corner Shop", StoreMode.LIVE, now());

        stores.insert(store);

        Store found = stores.find(store.id()).orElseThrow();
        assertThat(found.id()).isEqualTo(store.id());
        assertThat(found.name()).isEqualTo("Corner Shop");
        assertThat(found.mode()).isEqualTo(StoreMode.LIVE);
        assertThat(found.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(found.policy()).isEqualTo(LoginPolicy.defaults());
        assertThat(found.createdAt()).isEqualTo(store.createdAt());
    }

    @Test
    void whenAStoreIsUpdatedThenNameModeStatusAndPolicyRoundTrip() {
        Store store = newStore();
        LoginPolicy policy = LoginPolicy.defaults()
                .amend(
                        Map.of(
                                "otp_length",
                                8L,
                                "whatsapp_otp_login",
                                true,
                                "password_login",
                                false,
                                "otp_after_password_channel",
                                "sms",
                                "default_country_code",
                                "+44",
                                "lockout_max_seconds",
                                3600L),
                        PlatformLimits.defaults());
        store.rename("Renamed Shop");
        store.switchTo(StoreMode.LIVE);
        store.changeStatus(StoreStatus.SUSPENDED, true);
        store.replacePolicy(policy);

        stores.update(store);

        Store found = stores.find(store.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("Renamed Shop");
        assertThat(found.mode()).isEqualTo(StoreMode.LIVE);
        assertThat(found.isSuspended()).isTrue();
        assertThat(found.isSuspendedByPlatform()).isTrue();
        assertThat(found.policy()).isEqualTo(policy);
        assertThat(found.policy().asMap())
                .containsEntry("otp_length", 8L)
                .containsEntry("whatsapp_otp_login", true)
                .containsEntry("password_login", false)
                .containsEntry("otp_after_password_channel", "sms")
                .containsEntry("default_country_code", "+44");
    }

    @Test
    void whenAnUnknownStoreIsUpdatedThenNotFound() {
        Store never = Store.open("Never inserted", StoreMode.TEST, now());

        assertThatThrownBy(() -> stores.update(never))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void whenStoresAreListedThenAllContainsThemAndByMemberOnlyTheMembersStores() {
        Store mine = newStore();
        Store alsoMine = newStore();
        Store other = newStore();
        MerchantAccount merchant = new MerchantAccount(
                AccountId.generate(),
                "m-" + mine.id() + "@example.com",
                "Merchant",
                AccountRole.MERCHANT,
                AccountStatus.ACTIVE,
                "hash",
                now());
        accounts.insert(merchant);
        accounts.addMembership(merchant.id(), mine.id());
        accounts.addMembership(merchant.id(), alsoMine.id());

        assertThat(stores.findAll()).extracting(Store::id).contains(mine.id(), alsoMine.id(), other.id());
        assertThat(stores.findByMember(merchant.id())).extracting(Store::id).containsExactly(mine.id(), alsoMine.id());
        assertThat(stores.findByMember(AccountId.generate())).isEmpty();
    }

    @Test
    void whenAStoredPolicyLacksNewerFieldsThenTheyTakeTheirDefaults() {
        Store store = newStore();
        sql.update(
                "UPDATE stores SET login_policy = ? WHERE id = ?",
                "{\"otp_length\":7,\"password_login\":false}",
                store.id().value());

        LoginPolicy policy = stores.find(store.id()).orElseThrow().policy();

        assertThat(policy.otpLength()).isEqualTo(7);
        assertThat(policy.passwordLogin()).isFalse();
        assertThat(policy.otpTtl().toSeconds())
                .isEqualTo(LoginPolicy.defaults().otpTtl().toSeconds());
    }

    @Test
    void whenAProfileAndCommissionAreUpdatedThenTheyRoundTripWithTwoDecimals() {
        Store store = newStore();
        store.describe(
                new ProfileChange("Fresh bread", "https://cdn.example/logo.png", "1 Main St", "+441234567890", "fr"));
        store.chargeCommission(CommissionRate.of(new BigDecimal("7.5")));

        stores.update(store);

        Store found = stores.find(store.id()).orElseThrow();
        assertThat(found.profile()).isEqualTo(store.profile());
        assertThat(found.profile().preferredLanguage().tag()).isEqualTo("fr");
        assertThat(found.commission().percent()).isEqualTo(new BigDecimal("7.50"));
        assertThat(found.createdAt()).isEqualTo(store.createdAt());
    }

    @Test
    void whenAStoreIsUpdatedInATransactionThatHadReadItThenItsNextReadSeesTheChange() {
        Store store = newStore();

        Store reread = transactions.required(() -> {
            Store loaded = stores.find(store.id()).orElseThrow();
            loaded.rename("Renamed in one transaction");
            loaded.changeStatus(StoreStatus.SUSPENDED, false);
            stores.update(loaded);
            return stores.find(store.id()).orElseThrow();
        });

        assertThat(reread.name()).isEqualTo("Renamed in one transaction");
        assertThat(reread.isSuspended()).isTrue();
        assertThat(stores.find(store.id()).orElseThrow().name()).isEqualTo("Renamed in one transaction");
    }

    @Test
    void whenAStoreReadOutsideATransactionIsChangedThenTheNextReadOutsideOrInsideOneSeesTheChange() {
        Store store = newStore();
        // read-only outside a transaction: built once from the row; no later read may be handed that copy
        Store loaded = stores.find(store.id()).orElseThrow();
        loaded.rename("Renamed after a read-only read");
        stores.update(loaded);

        assertThat(stores.find(store.id()).orElseThrow().name()).isEqualTo("Renamed after a read-only read");
        Store inTransaction = transactions.required(() -> {
            Store before = stores.find(store.id()).orElseThrow();
            before.rename("Renamed again in one transaction");
            stores.update(before);
            return stores.find(store.id()).orElseThrow();
        });
        assertThat(inTransaction.name()).isEqualTo("Renamed again in one transaction");
        assertThat(stores.find(store.id()).orElseThrow().name()).isEqualTo("Renamed again in one transaction");
    }

    @Test
    void whenStoresAreListedThenTheOrderIsByCreationTimeWhateverTheInsertOrder() {
        Instant at = Instant.parse("2026-05-06T07:08:09.000001Z");
        Store later = new Store(
                StoreId.generate(),
                "Later",
                StoreMode.TEST,
                StoreStatus.ACTIVE,
                false,
                LoginPolicy.defaults(),
                StoreProfile.EMPTY,
                CommissionRate.NONE,
                at.plusNanos(1_000));
        Store earlier = new Store(
                StoreId.generate(),
                "Earlier",
                StoreMode.TEST,
                StoreStatus.ACTIVE,
                false,
                LoginPolicy.defaults(),
                StoreProfile.EMPTY,
                CommissionRate.NONE,
                at);
        stores.insert(later);
        stores.insert(earlier);
        MerchantAccount merchant = new MerchantAccount(
                AccountId.generate(),
                "order-" + later.id() + "@example.com",
                "Merchant",
                AccountRole.MERCHANT,
                AccountStatus.ACTIVE,
                "hash",
                now());
        accounts.insert(merchant);
        accounts.addMembership(merchant.id(), later.id());
        accounts.addMembership(merchant.id(), earlier.id());

        assertThat(stores.findByMember(merchant.id())).extracting(Store::id).containsExactly(earlier.id(), later.id());
        assertThat(stores.findAll()).extracting(Store::id).containsSubsequence(earlier.id(), later.id());
        assertThat(stores.find(earlier.id()).orElseThrow().createdAt()).isEqualTo(at);
    }
}
