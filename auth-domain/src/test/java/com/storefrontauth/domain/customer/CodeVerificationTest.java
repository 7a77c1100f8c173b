package com.storefrontauth.domain.customer;

import static com.storefrontauth.domain.customer.CustomerFixture.CLIENT;
import static com.storefrontauth.domain.customer.CustomerFixture.identifier;
import static com.storefrontauth.domain.customer.CustomerFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.throttle.LockoutKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each use case that sends a code, completed by {@code otp/verify} beside its start. */
class CodeVerificationTest {

    private static final String NEW_PASSWORD = "quiet harbour lantern 9";

    private final CustomerFixture world = new CustomerFixture();

    private CodeVerification.Verified verify(
            OtpRequired sent, OtpAction action, String code, Optional<CustomerId> holder) {
        return world.codes.verify(
                world.store,
                new CodeVerification.Attempt(sent.token(), action, code, "Grace", null, NEW_PASSWORD),
                holder,
                GuestLink.NONE,
                CLIENT);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void resetWhenTheCodeIsRightThenPasswordReplacedSessionsEndedLockoutOverAndSignedIn() {
        Customer ada = world.customer("ada@example.com");
        TokenGrant before = world.sessionOf(ada);
        refusal(() -> world.login.login(world.store, identifier("ada@example.com"), "a guess", GuestLink.NONE, CLIENT));
        OtpRequired sent = world.reset.start(world.store, identifier("ada@example.com"), CLIENT);

        CodeVerification.Verified verified = verify(sent, OtpAction.RESET_PASSWORD, sent.code(), Optional.empty());

        assertThat(verified.signIn().customer().id()).isEqualTo(ada.id());
        assertThat(world.revocations.isRevoked(before.session().id())).isTrue();
        assertThat(world.revocations.isRevoked(
                        verified.signIn().grant().session().id()))
                .isFalse();
        assertThat(world.hasher
                        .verify(
                                world.store.id(),
                                world.customers.customers.get(ada.id()).passwordHash(),
                                NEW_PASSWORD)
                        .matches())
                .isTrue();
        assertThat(world.failures.failures(LockoutKey.email("ada@example.com"))).isZero();
        assertThat(world.detailsOfLast(AuditEventType.PASSWORD_RESET)).containsEntry("sessions_revoked", "1");
    }

    @Test
    void resetWhenTheCodeIsWrongThenTheAttemptStaysCountedAndNothingElseChanges() {
        Customer ada = world.customer("ada@example.com");
        TokenGrant before = world.sessionOf(ada);
        OtpRequired sent = world.reset.start(world.store, identifier("ada@example.com"), CLIENT);

        DomainException refused =
                refusal(() -> verify(sent, OtpAction.RESET_PASSWORD, wrong(sent.code()), Optional.empty()));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(refused.extensions()).containsEntry("attempts_remaining", 4);
        assertThat(world.events.types()).contains(AuditEventType.OTP_FAILED);
        assertThat(world.revocations.isRevoked(before.session().id())).isFalse();
        assertThat(world.customers.customers.get(ada.id()).passwordHash()).isEqualTo(ada.passwordHash());
        assertThat(verify(sent, OtpAction.RESET_PASSWORD, sent.code(), Optional.empty())
                        .signIn())
                .isNotNull();
    }

    @Test
    void verifyWhenTheCodeWasSentForAnotherUseCaseThenItCompletesNothing() {
        world.customer("ada@example.com");
        OtpRequired sent = world.reset.start(world.store, identifier("ada@example.com"), CLIENT);

        assertThat(refusal(() -> verify(sent, OtpAction.LOGIN, sent.code(), Optional.empty()))
                        .code())
                .isEqualTo(ErrorCode.OTP_EXPIRED);
    }

    @Test
    void loginByCodeWhenTheCodeIsRightThenSignedInWithTheAddressProved() {
        Customer ada = world.customer("ada@example.com");
        OtpRequired sent =
                world.passwordless.start(world.store, OtpChannel.EMAIL, identifier("ada@example.com"), false, CLIENT);

        CodeVerification.Verified verified = verify(sent, OtpAction.LOGIN, sent.code(), Optional.empty());

        assertThat(verified.signIn().customer().id()).isEqualTo(ada.id());
        assertThat(world.detailsOfLast(AuditEventType.LOGIN_SUCCEEDED)).containsEntry("method", "email_otp");
    }

    @Test
    void loginByCodeWhenTheAccountWasDisabledThenRefusedAndTheRefusalIsAudited() {
        Customer ada = world.customer("ada@example.com");
        OtpRequired sent =
                world.passwordless.start(world.store, OtpChannel.EMAIL, identifier("ada@example.com"), false, CLIENT);
        ada.changeStatus(CustomerStatus.DISABLED, world.clock.instant());
        world.customers.update(ada);

        assertThat(refusal(() -> verify(sent, OtpAction.LOGIN, sent.code(), Optional.empty()))
                        .code())
                .isEqualTo(ErrorCode.ACCOUNT_DISABLED);
        assertThat(world.detailsOfLast(AuditEventType.LOGIN_FAILED))
                .containsEntry("method", "email_otp")
                .containsEntry("reason", "account_disabled");
        assertThat(world.events.types()).doesNotContain(AuditEventType.LOGIN_SUCCEEDED);
    }

    @Test
    void registerByCodeWhenTheAddressIsFreeThenTheAccountIsCreatedProvedAndSignedIn() {
        OtpRequired sent =
                world.passwordless.start(world.store, OtpChannel.EMAIL, identifier("grace@example.com"), true, CLIENT);

        CodeVerification.Verified verified = verify(sent, OtpAction.REGISTER, sent.code(), Optional.empty());

        Customer grace = verified.signIn().customer();
        assertThat(grace.firstName()).isEqualTo("Grace");
        assertThat(grace.emailVerified()).isTrue();
        assertThat(world.customers.find(world.store.id(), grace.id())).isPresent();
        assertThat(world.events.types()).contains(AuditEventType.CUSTOMER_REGISTERED);
    }

    @Test
    void registerByCodeWhenSomeoneRegisteredAndProvedTheAddressSinceThenAccountExistsAndNoSecondAccount() {
        OtpRequired sent =
                world.passwordless.start(world.store, OtpChannel.EMAIL, identifier("grace@example.com"), true, CLIENT);
        Customer holder = world.customer("grace@example.com");

        assertThat(refusal(() -> verify(sent, OtpAction.REGISTER, sent.code(), Optional.empty()))
                        .code())
                .isEqualTo(ErrorCode.ACCOUNT_EXISTS);
        assertThat(world.customers.customers.values())
                .filteredOn(customer ->
                        customer.email() != null && customer.email().value().equals("grace@example.com"))
                .extracting(Customer::id)
                .containsExactly(holder.id());
    }

    @Test
    void registerByCodeWhenTheAddressWasRegisteredSinceWithNothingProvedThenTheProofClaimsThatAccount() {
        OtpRequired sent =
                world.passwordless.start(world.store, OtpChannel.EMAIL, identifier("grace@example.com"), true, CLIENT);
        Customer squatter = Customer.register(
                world.store.id(),
                EmailAddress.parse("grace@example.com").orElseThrow(),
                null,
                "Mallory",
                null,
                world.hasher.hash(world.store.id(), CustomerFixture.PASSWORD),
                world.clock.instant());
        world.customers.insert(squatter);

        CodeVerification.Verified verified = verify(sent, OtpAction.REGISTER, sent.code(), Optional.empty());

        assertThat(verified.signIn().customer().id()).isEqualTo(squatter.id());
        assertThat(world.customers.customers.get(squatter.id()).passwordHash())
                .as("the squatter's password is gone")
                .isNull();
        assertThat(world.customers.customers).hasSize(1);
        assertThat(world.events.types())
                .contains(AuditEventType.ACCOUNT_CLAIMED, AuditEventType.LOGIN_SUCCEEDED)
                .doesNotContain(AuditEventType.CUSTOMER_REGISTERED);
    }

    @Test
    void changeEmailWhenTheBearerProvesTheNewAddressThenItReplacesTheOldAndNoSessionStarts() {
        Customer ada = world.customer("ada@example.com");
        OtpRequired sent = world.contacts.change(world.store, ada.id(), identifier("ada@new.example"), CLIENT);

        assertThat(refusal(() -> verify(sent, OtpAction.UPDATE_EMAIL, sent.code(), Optional.empty()))
                        .code())
                .as("a new address needs the bearer")
                .isEqualTo(ErrorCode.UNAUTHORIZED);
        CodeVerification.Verified verified = verify(sent, OtpAction.UPDATE_EMAIL, sent.code(), Optional.of(ada.id()));

        assertThat(verified.signIn()).isNull();
        assertThat(verified.customer().email().value()).isEqualTo("ada@new.example");
        assertThat(world.customers.findByEmail(
                        world.store.id(), EmailAddress.parse("ada@example.com").orElseThrow()))
                .as("the old address is free")
                .isEmpty();
    }

    @Test
    void confirmWhenTheSignedInCustomerProvesTheirEmailThenItIsVerifiedWithoutASession() {
        Customer ada = world.customer("ada@example.com");
        OtpRequired sent = world.contacts.verifyCurrent(world.store, ada.id(), OtpChannel.EMAIL, CLIENT);

        CodeVerification.Verified verified = verify(sent, OtpAction.VERIFY, sent.code(), Optional.of(ada.id()));

        assertThat(verified.signIn()).isNull();
        assertThat(verified.customer().emailVerified()).isTrue();
        assertThat(world.events.types()).contains(AuditEventType.CONTACT_VERIFIED);
    }
}
