package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in (and optionally sign-up) with a code sent by email, SMS or WhatsApp. A known customer gets
 * a {@code login} challenge; an unknown identifier a {@code register} challenge when asked for and
 * allowed, else a decoy that answers exactly like a real challenge. The proved code signs the customer
 * in, or registers them.
 */
@ApplicationScoped
public class PasswordlessLogin {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerOtp otp;

    @Inject
    SessionIssuer issuer;

    @Inject
    CodeSignIn codeSignIn;

    @Inject
    AddressClaim claim;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    public OtpRequired start(
            Store store,
            OtpChannel channel,
            CustomerIdentifier identifier,
            boolean registerIfNotExists,
            ClientInfo client) {
        if (!channel.allowedBy(store.policy())) {
            throw new DomainException(
                    ErrorCode.LOGIN_METHOD_DISABLED,
                    "This store does not allow sign-in with a code by " + channel.wireValue() + ".");
        }
        otp.requireChannelUp(channel);
        Destination destination = identifier.destination(channel);
        return transactions.required(() -> {
            // an account that would give this address up to its owner's proof does not hold it for them
            Optional<Customer> found = identifier
                    .findIn(customers, store)
                    .filter(customer -> !AddressClaim.yieldsToProof(customer, channel));
            if (found.isPresent()) {
                return otp.send(store, OtpAction.LOGIN, destination, found.get(), client);
            }
            if (registerIfNotExists && store.policy().allowsRegistration()) {
                return otp.send(store, OtpAction.REGISTER, destination, null, client);
            }
            return otp.decoy(store, OtpAction.LOGIN, destination, client);
        });
    }

    /** A proved {@code login} code (sent here or after a password) signs its customer in. */
    CodeVerification.Verified complete(
            Store store, OtpChallenge challenge, GuestLink guest, ClientInfo client, Instant now) {
        return codeSignIn.signIn(
                store, codeSignIn.claimed(store, challenge, client, now), challenge, guest, client, now);
    }

    /** A proved {@code register} code creates the account, its address proved, and signs it in. */
    CodeVerification.Verified completeRegistration(
            Store store,
            OtpChallenge challenge,
            String firstName,
            String lastName,
            GuestLink guest,
            ClientInfo client,
            Instant now) {
        if (!store.policy().allowsRegistration()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not allow sign-up.");
        }
        String address = challenge.destination().address();
        boolean byEmail = challenge.channel() == OtpChannel.EMAIL;
        EmailAddress email = byEmail ? EmailAddress.parse(address).orElseThrow() : null;
        PhoneNumber phone = byEmail ? null : new PhoneNumber(address);
        Customer customer = Customer.register(store.id(), email, phone, firstName, lastName, null, now);
        CodeSignIn.confirmDestination(customer, challenge, now);
        // a new address costs this one statement; its holder is looked for only when the address is taken: someone
        // registered it since the code was sent, or an account yielded it at the start
        if (!customers.insert(customer)) {
            Customer holder = (byEmail
                            ? customers.findByEmail(store.id(), email)
                            : customers.findByPhone(store.id(), phone))
                    .orElseThrow(PasswordlessLogin::accountExists);
            switch (claim.prove(store, holder, challenge.destination(), client, now)) {
                case OWNED -> throw accountExists();
                case CLAIMED -> {
                    return codeSignIn.signIn(store, holder, challenge, guest, client, now);
                }
                case YIELDED -> {
                    // the address is free now: the sign-up goes on
                    if (!customers.insert(customer)) {
                        throw accountExists();
                    }
                }
            }
        }
        TokenGrant grant = issuer.start(
                store.id(),
                SubjectKind.CUSTOMER,
                customer.id().value(),
                guest.anonymousId(),
                SessionLifetimes.of(store.policy()),
                client);
        audit.record(
                store.id(),
                AuditEventType.CUSTOMER_REGISTERED,
                customer.id().value(),
                client,
                Map.of(
                        "method",
                        CodeSignIn.method(challenge),
                        "session_id",
                        grant.session().id().value()));
        return new CodeVerification.Verified(new CustomerSignIn(customer, grant), customer);
    }

    private static DomainException accountExists() {
        return new DomainException(ErrorCode.ACCOUNT_EXISTS, "An account with this email or phone already exists.");
    }
}
