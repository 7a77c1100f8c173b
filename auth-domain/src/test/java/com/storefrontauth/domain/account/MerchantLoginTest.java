package com.storefrontauth.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.credential.PasswordCheck;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.TestHashers;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.throttle.InMemoryLoginFailures;
import com.storefrontauth.domain.throttle.LockoutKey;
import org.junit.jupiter.api.Test;

/** The credential rules of merchant and platform-admin sign-in, on every route that checks them. */
class MerchantLoginTest {

    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "JUnit/5");
    private static final String PASSWORD = "purple mountain ferry 7";

    private final MutableClock clock = new MutableClock();
    private final RecordedEvents events = new RecordedEvents();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final PasswordHasher hasher = TestHashers.cheap();
    private final MerchantLogin login = new MerchantLogin();
    private final Store store = Store.open("Shop", StoreMode.TEST, clock.instant());

    {
        login.accounts = accounts;
        login.credentials = new PasswordCheck(failures.throttle(clock, events.log(clock)), hasher);
        login.audit = events.log(clock);
        login.transactions = new DirectTransactions();
    }

    private MerchantAccount account(String email, AccountRole role, AccountStatus status) {
        MerchantAccount account = new MerchantAccount(
                AccountId.generate(), email, "Owner", role, status, hasher.hash(PASSWORD), clock.instant());
        accounts.insert(account);
        return account;
    }

    private static DomainException refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void authenticateWhenThePasswordIsRightThenTheAccountAndTheCountStartsOver() {
        MerchantAccount owner = account("owner@shop.example", AccountRole.MERCHANT, AccountStatus.ACTIVE);
        refusal(() -> login.authenticate("owner@shop.example", "a guess", CLIENT));

        assertThat(login.authenticate("Owner@Shop.example", PASSWORD, CLIENT).id())
                .isEqualTo(owner.id());

        assertThat(failures.failures(LockoutKey.account("owner@shop.example"))).isZero();
        assertThat(events.types()).containsExactly(AuditEventType.LOGIN_FAILED, AuditEventType.LOGIN_SUCCEEDED);
    }

    @Test
    void authenticateWhenThePasswordIsWrongOrTheEmailUnknownThenTheSameRefusalAndBothCount() {
        account("owner@shop.example", AccountRole.MERCHANT, AccountStatus.ACTIVE);

        DomainException wrong = refusal(() -> login.authenticate("owner@shop.example", "a guess", CLIENT));
        DomainException unknown = refusal(() -> login.authenticate("nobody@shop.example", PASSWORD, CLIENT));

        assertThat(wrong.code()).isEqualTo(unknown.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(failures.failures(LockoutKey.account("owner@shop.example"))).isEqualTo(1);
        assertThat(failures.failures(LockoutKey.account("nobody@shop.example"))).isEqualTo(1);
    }

    @Test
    void loginAsOwnerWhenTheAccountIsNotAMemberOfTheStoreThenRefusedAndCountedLikeAWrongPassword() {
        account("owner@shop.example", AccountRole.MERCHANT, AccountStatus.ACTIVE);

        DomainException refused = refusal(() -> login.loginAsOwner(store, "owner@shop.example", PASSWORD, CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(failures.failures(LockoutKey.account("owner@shop.example"))).isEqualTo(1);
        assertThat(events.details(0)).containsEntry("login_as", "owner");
    }

    @Test
    void loginWithOpaqueTokenWhenThePlatformAdminSignsInThenRefusedAndCountedLikeAWrongPassword() {
        account("admin@localhost.example", AccountRole.PLATFORM_ADMIN, AccountStatus.ACTIVE);

        DomainException refused =
                refusal(() -> login.loginWithOpaqueToken("admin@localhost.example", PASSWORD, CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(failures.failures(LockoutKey.account("admin@localhost.example")))
                .isEqualTo(1);
        assertThat(events.types()).containsExactly(AuditEventType.LOGIN_FAILED);
    }

    @Test
    void authenticateWhenTheAccountIsDisabledThenOnlyTheRightPasswordLearnsIt() {
        account("owner@shop.example", AccountRole.MERCHANT, AccountStatus.DISABLED);

        assertThat(refusal(() -> login.authenticate("owner@shop.example", "a guess", CLIENT))
                        .code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(refusal(() -> login.authenticate("owner@shop.example", PASSWORD, CLIENT))
                        .code())
                .isEqualTo(ErrorCode.ACCOUNT_DISABLED);
        assertThat(failures.failures(LockoutKey.account("owner@shop.example"))).isZero();
    }
}
