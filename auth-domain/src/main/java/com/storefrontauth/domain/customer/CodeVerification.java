package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /auth/otp/verify}: checks a code and hands the challenge to the use case that sent it,
 * which completes beside its start: sign-in and sign-up by code ({@link PasswordlessLogin}), a contact
 * check or change ({@link ContactConfirmation}), a password reset ({@link PasswordReset}). Sign-in,
 * sign-up, a contact check during sign-in and a reset end in a new session; a contact check or change by
 * a signed-in customer (who must send their bearer token) only updates the account.
 */
@ApplicationScoped
public class CodeVerification {

    @Inject
    OtpChallenges challenges;

    @Inject
    CustomerOtp otp;

    @Inject
    PasswordlessLogin passwordless;

    @Inject
    ContactConfirmation contacts;

    @Inject
    PasswordReset reset;

    @Inject
    Clock clock;

    private static final Set<OtpAction> SIGN_IN_ACTIONS = EnumSet.of(OtpAction.LOGIN, OtpAction.VERIFY);

    /** What the verify request carries besides the code; names and password apply to some actions only. */
    public record Attempt(
            String token, OtpAction action, String code, String firstName, String lastName, String newPassword) {

        @Override
        public String toString() {
            return "Attempt[" + action + "]";
        }
    }

    /** A new session ({@code signIn}), or the updated account of the bearer ({@code signIn} null). */
    public record Verified(CustomerSignIn signIn, Customer customer) {}

    /**
     * @param holder the customer of the request's bearer token, if it sent one
     */
    public Verified verify(
            Store store, Attempt attempt, Optional<CustomerId> holder, GuestLink guest, ClientInfo client) {
        String firstName = Customer.validName("first_name", attempt.firstName());
        String lastName = Customer.validName("last_name", attempt.lastName());
        String passwordHash =
                attempt.action() == OtpAction.RESET_PASSWORD ? reset.newHash(store, attempt.newPassword()) : null;
        if ((attempt.action() == OtpAction.UPDATE_EMAIL || attempt.action() == OtpAction.UPDATE_PHONE)
                && holder.isEmpty()) {
            throw new DomainException(
                    ErrorCode.UNAUTHORIZED,
                    "Send the customer's access token as a Bearer token to confirm a new email or phone.");
        }
        return challenges.verify(
                () -> otp.lock(store, attempt.token()),
                attempt.action(),
                attempt.code(),
                OtpRules.of(store.policy()),
                client,
                challenge -> {
                    Instant now = clock.instant();
                    return switch (challenge.action()) {
                        case LOGIN -> passwordless.complete(store, challenge, guest, client, now);
                        case REGISTER ->
                            passwordless.completeRegistration(
                                    store, challenge, firstName, lastName, guest, client, now);
                        case VERIFY, CONFIRM_CONTACT -> contacts.confirm(store, challenge, holder, guest, client, now);
                        case RESET_PASSWORD -> reset.complete(store, challenge, passwordHash, guest, client, now);
                        case UPDATE_EMAIL, UPDATE_PHONE ->
                            contacts.completeChange(store, challenge, holder.orElseThrow(), client, now);
                        case ACTIVATE_ACCOUNT, RESET_ACCOUNT_PASSWORD -> throw OtpChallenges.expired();
                    };
                });
    }

    /**
     * A sign-in code entered with its address alone (clients that keep no {@code otp_token}): the store's
     * newest open sign-in challenge for that address, or the contact check a sign-in asked for, under the
     * same attempts, expiry and single use as by token. Older challenges to the address stay as they are.
     */
    public Verified verifySignIn(
            Store store, Destination destination, String code, GuestLink guest, ClientInfo client) {
        return challenges.verifyLocated(
                () -> challenges.lockNewestOpen(store.id(), destination, SIGN_IN_ACTIONS),
                code,
                OtpRules.of(store.policy()),
                client,
                challenge -> {
                    Instant now = clock.instant();
                    return challenge.action() == OtpAction.LOGIN
                            ? passwordless.complete(store, challenge, guest, client, now)
                            : contacts.confirm(store, challenge, Optional.empty(), guest, client, now);
                });
    }

    /** Spends a {@code verify} code of this customer for a sensitive step (account erasure) done by {@code then}. */
    public void spend(Store store, CustomerId customer, String token, String code, ClientInfo client, Runnable then) {
        challenges.verify(
                () -> otp.lock(store, token).filter(found -> customer.value().equals(found.subject())),
                OtpAction.VERIFY,
                code,
                OtpRules.of(store.policy()),
                client,
                challenge -> {
                    then.run();
                    return null;
                });
    }
}
