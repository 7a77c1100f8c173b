package com.storefrontauth.domain.customer;

import static com.storefrontauth.domain.customer.CustomerFixture.CLIENT;
import static com.storefrontauth.domain.customer.CustomerFixture.PASSWORD;
import static com.storefrontauth.domain.customer.CustomerFixture.identifier;
import static com.storefrontauth.domain.customer.CustomerFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.throttle.LockoutKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordLoginTest {

    private final CustomerFixture world = new CustomerFixture();

    private SignInStep login(String email, String password) {
        return world.login.login(world.store, identifier(email), password, GuestLink.NONE, CLIENT);
    }

    @Test
    void loginWhenThePasswordIsRightThenASessionStartsAndTheSuccessIsRecorded() {
        Customer ada = world.customer("ada@example.com");

        SignInStep step = login("ADA@example.com", PASSWORD);

        assertThat(step.otpRequired()).isNull();
        assertThat(step.signIn().customer().id()).isEqualTo(ada.id());
        assertThat(world.sessions.find(
                        world.store.id(), step.signIn().grant().session().id()))
                .isPresent();
        assertThat(world.detailsOfLast(AuditEventType.LOGIN_SUCCEEDED)).containsEntry("method", "password");
    }

    @Test
    void loginWhenThePasswordIsWrongOrTheEmailUnknownThenTheSameRefusalAndBothCount() {
        world.customer("ada@example.com");

        DomainException wrong = refusal(() -> login("ada@example.com", "not the password"));
        DomainException unknown = refusal(() -> login("nobody@example.com", PASSWORD));

        assertThat(wrong.code()).isEqualTo(unknown.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(world.failures.failures(LockoutKey.email("ada@example.com"))).isEqualTo(1);
        assertThat(world.failures.failures(LockoutKey.email("nobody@example.com")))
                .isEqualTo(1);
        assertThat(world.events.details(0)).containsEntry("reason", "wrong_password");
        assertThat(world.events.details(1)).containsEntry("reason", "unknown_identifier");
    }

    @Test
    void loginWhenTheAccountIsDisabledThenOnlyTheRightPasswordLearnsIt() {
        Customer ada = world.customer("ada@example.com");
        ada.changeStatus(CustomerStatus.DISABLED, world.clock.instant());

        assertThat(refusal(() -> login("ada@example.com", "not the password")).code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(refusal(() -> login("ada@example.com", PASSWORD)).code()).isEqualTo(ErrorCode.ACCOUNT_DISABLED);
        assertThat(world.failures.failures(LockoutKey.email("ada@example.com")))
                .as("a right password clears")
                .isZero();
    }

    @Test
    void loginWhenTheThresholdOfWrongPasswordsIsReachedThenEvenTheRightOneWaitsForRetryAfter() {
        world.customer("ada@example.com");
        for (int i = 0; i < 5; i++) {
            refusal(() -> login("ada@example.com", "not the password"));
        }

        DomainException locked = refusal(() -> login("ada@example.com", PASSWORD));

        assertThat(locked.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(locked.retryAfterSeconds()).contains(60L);
        assertThat(world.events.types())
                .contains(AuditEventType.ACCOUNT_LOCKED)
                .doesNotContain(AuditEventType.LOGIN_SUCCEEDED);
    }

    @Test
    void loginWhenTheStoreHasPasswordSignInOffThenRefusedBeforeAnyAttemptCounts() {
        world.customer("ada@example.com");
        world.store.replacePolicy(LoginPolicy.restore(Map.of("password_login", false)));

        assertThat(refusal(() -> login("ada@example.com", PASSWORD)).code()).isEqualTo(ErrorCode.LOGIN_METHOD_DISABLED);
        assertThat(world.failures.failures(LockoutKey.email("ada@example.com"))).isZero();
    }
}
