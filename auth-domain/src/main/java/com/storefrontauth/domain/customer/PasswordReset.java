package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.throttle.LockoutKey;
import com.storefrontauth.domain.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * "Forgot password": a {@code reset_password} code to the email (or by SMS to the phone) the customer
 * signs in with. Unknown identifiers get a decoy, so the answer never tells whether an account exists.
 * The code, entered with the new password, sets it, ends every session and signs the customer in.
 */
@ApplicationScoped
public class PasswordReset {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerOtp otp;

    @Inject
    PasswordHasher hasher;

    @Inject
    CodeSignIn codeSignIn;

    @Inject
    SessionEnding ending;

    @Inject
    LoginThrottle throttle;

    @Inject
    Transactions transactions;

    public OtpRequired start(Store store, CustomerIdentifier identifier, ClientInfo client) {
        if (!store.policy().passwordLogin()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not use passwords.");
        }
        Destination destination =
                identifier.destination(identifier.email() != null ? OtpChannel.EMAIL : OtpChannel.SMS);
        otp.requireChannelUp(destination.channel());
        return transactions.required(() -> {
            Optional<Customer> found = identifier
                    .findIn(customers, store)
                    .filter(customer -> !AddressClaim.yieldsToProof(customer, destination.channel()));
            return found.isPresent()
                    ? otp.send(store, OtpAction.RESET_PASSWORD, destination, found.get(), client)
                    : otp.decoy(store, OtpAction.RESET_PASSWORD, destination, client);
        });
    }

    /** The new password's hash, checked and computed before the code is spent, so a weak password costs no attempt. */
    public String newHash(Store store, String newPassword) {
        PasswordPolicy.check("new_password", newPassword, store.policy().passwordMinLength());
        return hasher.hash(store.id(), newPassword);
    }

    /** The proved code sets the password, ends every session of the customer and starts a new one. */
    CodeVerification.Verified complete(
            Store store, OtpChallenge challenge, String passwordHash, GuestLink guest, ClientInfo client, Instant now) {
        Customer customer = codeSignIn.claimed(store, challenge, client, now);
        if (customer.isDisabled()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        customer.replacePasswordHash(passwordHash, now);
        ending.endAllOf(
                store.id(),
                customer.id().value(),
                null,
                SessionEnding.Reason.PASSWORD_RESET,
                SessionEnding.Event.of(
                        AuditEventType.PASSWORD_RESET, customer.id().value(), client));
        // the owner of the address proved themselves: a lockout from guessing is over
        throttle.clear(
                store,
                challenge.channel() == OtpChannel.EMAIL
                        ? LockoutKey.email(challenge.destination().address())
                        : LockoutKey.phone(challenge.destination().address()));
        return codeSignIn.signIn(store, customer, challenge, guest, client, now);
    }
}
