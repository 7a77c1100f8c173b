package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * What a proved code gives the customer it was sent for, shared by the completions of the code's
 * use cases: the account (still theirs, claimed if nobody had proved an address on it) and a session.
 * Runs in the verifying unit of work.
 */
@ApplicationScoped
public class CodeSignIn {

    @Inject
    CustomerRepository customers;

    @Inject
    SessionIssuer issuer;

    @Inject
    AddressClaim claim;

    @Inject
    AuditLog audit;

    /** A new session for the customer, whose address the code went to is now proved (if still theirs). */
    CodeVerification.Verified signIn(
            Store store, Customer customer, OtpChallenge challenge, GuestLink guest, ClientInfo client, Instant now) {
        if (customer.isDisabled()) {
            // committed on its own, as a refused password is: the sign-in rolls back, the record of it must not
            audit.recordRefusal(
                    store.id(),
                    AuditEventType.LOGIN_FAILED,
                    customer.id().value(),
                    client,
                    Map.of("method", method(challenge), "reason", "account_disabled"));
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        confirmDestination(customer, challenge, now);
        customers.update(customer);
        TokenGrant grant = issuer.start(
                store.id(),
                SubjectKind.CUSTOMER,
                customer.id().value(),
                guest.anonymousId(),
                SessionLifetimes.of(store.policy()),
                client);
        audit.record(
                store.id(),
                AuditEventType.LOGIN_SUCCEEDED,
                customer.id().value(),
                client,
                Map.of(
                        "method",
                        method(challenge),
                        "session_id",
                        grant.session().id().value()));
        return new CodeVerification.Verified(new CustomerSignIn(customer, grant), customer);
    }

    /**
     * The customer a sign-in or reset code was sent for, once the code has proved the address: it must
     * still be the customer's (a code sent to a replaced address completes nothing), and the proof claims
     * the account if nobody had proved an address on it yet.
     */
    Customer claimed(Store store, OtpChallenge challenge, ClientInfo client, Instant now) {
        Customer customer = requireSubject(store, challenge);
        if (!isCurrentContact(customer, challenge) || AddressClaim.yieldsToProof(customer, challenge.channel())) {
            throw OtpChallenges.expired();
        }
        claim.prove(store, customer, challenge.destination(), client, now);
        return customer;
    }

    Customer requireSubject(Store store, OtpChallenge challenge) {
        if (challenge.subject() == null) {
            throw OtpChallenges.expired();
        }
        // the customer may have been erased since the code was sent
        return customers.find(store.id(), new CustomerId(challenge.subject())).orElseThrow(OtpChallenges::expired);
    }

    static boolean isCurrentContact(Customer customer, OtpChallenge challenge) {
        String address = challenge.destination().address();
        return challenge.channel() == OtpChannel.EMAIL
                ? customer.email() != null && customer.email().value().equals(address)
                : customer.phone() != null && customer.phone().e164().equals(address);
    }

    /** The address the code went to is now proved, if it is still the customer's. */
    static void confirmDestination(Customer customer, OtpChallenge challenge, Instant now) {
        if (isCurrentContact(customer, challenge)) {
            if (challenge.channel() == OtpChannel.EMAIL) {
                customer.confirmEmail(now);
            } else {
                customer.confirmPhone(now);
            }
        }
    }

    static String method(OtpChallenge challenge) {
        return challenge.channel() == OtpChannel.EMAIL
                ? "email_otp"
                : challenge.channel() == OtpChannel.SMS ? "phone_otp" : "whatsapp_otp";
    }
}
