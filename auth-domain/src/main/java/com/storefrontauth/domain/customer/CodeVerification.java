package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.throttle.LockoutKey;
import com.storefrontauth.domain.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /auth/otp/verify}: checks a code and completes what it was sent for. Sign-in, sign-up,
 * a contact check during sign-in, and a password reset end in a new session; a contact check or
 * change by a signed-in customer (who must send their bearer token) only updates the account.
 */
@ApplicationScoped
public class CodeVerification {

    @Inject
    OtpChallenges challenges;

    @Inject
    CustomerOtp otp;

    @Inject
    CustomerRepository customers;

    @Inject
    SessionIssuer issuer;

    @Inject
    SessionEnding ending;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    AddressClaim claim;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private static final Set<OtpAction> SIGN_IN_ACTIONS = EnumSet.of(OtpAction.LOGIN, OtpAction.VERIFY);

    /** What the verify request carries besides the code; names and password apply to some actions only. */
    public record Attempt(String token, OtpAction action, String code, String firstName, String lastName,
            String newPassword) {

        @Override
        public String toString() {
            return "Attempt[" + action + "]";
        }
    }

    /** A new session ({@code signIn}), or the updated account of the bearer ({@code signIn} null). */
    public record Verified(CustomerSignIn signIn, Customer customer) {
    }

    /**
     * @param holder the customer of the request's bearer token, if it sent one
     */
    public Verified verify(Store store, Attempt attempt, Optional<CustomerId> holder, GuestLink guest,
            ClientInfo client) {
        String firstName = Customer.validName("first_name", attempt.firstName());
        String lastName = Customer.validName("last_name", attempt.lastName());
        String newHash = null;
        if (attempt.action() == OtpAction.RESET_PASSWORD) {
            // checked and hashed before the code is spent, so a weak password costs no attempt
            PasswordPolicy.check("new_password", attempt.newPassword(), store.policy().passwordMinLength());
            newHash = hasher.hash(store.id(), attempt.newPassword());
        }
        if ((attempt.action() == OtpAction.UPDATE_EMAIL || attempt.action() == OtpAction.UPDATE_PHONE)
                && holder.isEmpty()) {
            throw new DomainException(ErrorCode.UNAUTHORIZED,
                    "Send the customer's access token as a Bearer token to confirm a new email or phone.");
        }
        String passwordHash = newHash;
        return challenges.verify(() -> otp.lock(store, attempt.token()), attempt.action(), attempt.code(),
                OtpRules.of(store.policy()), client, challenge -> {
                    Instant now = clock.instant();
                    return switch (challenge.action()) {
                        case LOGIN -> signIn(store, claimed(store, challenge, client, now), challenge, guest, client,
                                AuditEventType.LOGIN_SUCCEEDED, now);
                        case REGISTER -> register(store, challenge, firstName, lastName, guest, client, now);
                        case VERIFY, CONFIRM_CONTACT -> confirm(store, challenge, holder, guest, client, now);
                        case RESET_PASSWORD -> reset(store, challenge, passwordHash, guest, client, now);
                        case UPDATE_EMAIL, UPDATE_PHONE -> replaceContact(store, challenge, holder.orElseThrow(), client, now);
                        case ACTIVATE_ACCOUNT, RESET_ACCOUNT_PASSWORD -> throw OtpChallenges.expired();
                    };
                });
    }

    /**
     * A sign-in code entered with its address alone (clients that keep no {@code otp_token}): the store's
     * newest open sign-in challenge for that address, or the contact check a sign-in asked for, under the
     * same attempts, expiry and single use as by token. Older challenges to the address stay as they are.
     */
    public Verified verifySignIn(Store store, Destination destination, String code, GuestLink guest,
            ClientInfo client) {
        return challenges.verifyLocated(() -> challenges.lockNewestOpen(store.id(), destination, SIGN_IN_ACTIONS),
                code, OtpRules.of(store.policy()), client, challenge -> {
                    Instant now = clock.instant();
                    return challenge.action() == OtpAction.LOGIN
                            ? signIn(store, claimed(store, challenge, client, now), challenge, guest, client,
                                    AuditEventType.LOGIN_SUCCEEDED, now)
                            : confirm(store, challenge, Optional.empty(), guest, client, now);
                });
    }

    /** Spends a {@code verify} code of this customer for a sensitive step (account erasure) done by {@code then}. */
    public void spend(Store store, CustomerId customer, String token, String code, ClientInfo client, Runnable then) {
        challenges.verify(() -> otp.lock(store, token).filter(found -> customer.value().equals(found.subject())),
                OtpAction.VERIFY, code, OtpRules.of(store.policy()), client, challenge -> {
                    then.run();
                    return null;
                });
    }

    private Verified signIn(Store store, Customer customer, OtpChallenge challenge, GuestLink guest, ClientInfo client,
            AuditEventType event, Instant now) {
        if (customer.isDisabled()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        confirmDestination(customer, challenge, now);
        customers.update(customer);
        TokenGrant grant = issuer.start(store.id(), SubjectKind.CUSTOMER, customer.id().value(), guest.anonymousId(),
                SessionLifetimes.of(store.policy()), client);
        audit.record(store.id(), event, customer.id().value(), client,
                Map.of("method", method(challenge), "session_id", grant.session().id().value()));
        return new Verified(new CustomerSignIn(customer, grant), customer);
    }

    private Verified register(Store store, OtpChallenge challenge, String firstName, String lastName, GuestLink guest,
            ClientInfo client, Instant now) {
        if (!store.policy().allowsRegistration()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not allow sign-up.");
        }
        String address = challenge.destination().address();
        boolean byEmail = challenge.channel() == OtpChannel.EMAIL;
        EmailAddress email = byEmail ? EmailAddress.parse(address).orElseThrow() : null;
        PhoneNumber phone = byEmail ? null : new PhoneNumber(address);
        // someone may have registered the address since the code was sent (or an account yielded it at the start)
        Optional<Customer> holder = byEmail ? customers.findByEmail(store.id(), email) : customers.findByPhone(store.id(), phone);
        if (holder.isPresent()) {
            switch (claim.prove(store, holder.get(), challenge.destination(), client, now)) {
                case OWNED -> throw new DomainException(ErrorCode.ACCOUNT_EXISTS,
                        "An account with this email or phone already exists.");
                case CLAIMED -> {
                    return signIn(store, holder.get(), challenge, guest, client, AuditEventType.LOGIN_SUCCEEDED, now);
                }
                case YIELDED -> {
                    // the address is free now: the sign-up goes on
                }
            }
        }
        Customer customer = Customer.register(store.id(), email, phone, firstName, lastName, null, now);
        confirmDestination(customer, challenge, now);
        if (!customers.insert(customer)) {
            throw new DomainException(ErrorCode.ACCOUNT_EXISTS, "An account with this email or phone already exists.");
        }
        TokenGrant grant = issuer.start(store.id(), SubjectKind.CUSTOMER, customer.id().value(), guest.anonymousId(),
                SessionLifetimes.of(store.policy()), client);
        audit.record(store.id(), AuditEventType.CUSTOMER_REGISTERED, customer.id().value(), client,
                Map.of("method", method(challenge), "session_id", grant.session().id().value()));
        return new Verified(new CustomerSignIn(customer, grant), customer);
    }

    private Verified confirm(Store store, OtpChallenge challenge, Optional<CustomerId> holder, GuestLink guest,
            ClientInfo client, Instant now) {
        Customer customer = requireSubject(store, challenge);
        if (holder.isPresent() && !holder.get().equals(customer.id())) {
            throw OtpChallenges.expired();
        }
        if (!isCurrentContact(customer, challenge)) {
            throw OtpChallenges.expired();
        }
        audit.record(store.id(), AuditEventType.CONTACT_VERIFIED, customer.id().value(), client,
                Map.of("channel", challenge.channel().wireValue()));
        if (holder.isPresent() || challenge.action() == OtpAction.CONFIRM_CONTACT) {
            confirmDestination(customer, challenge, now);
            customers.update(customer);
            return new Verified(null, customer);
        }
        // the sign-up or sign-in that asked for a verified contact completes now
        return signIn(store, customer, challenge, guest, client, AuditEventType.LOGIN_SUCCEEDED, now);
    }

    private Verified reset(Store store, OtpChallenge challenge, String passwordHash, GuestLink guest, ClientInfo client,
            Instant now) {
        Customer customer = claimed(store, challenge, client, now);
        if (customer.isDisabled()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        customer.replacePasswordHash(passwordHash, now);
        ending.endAllOf(store.id(), customer.id().value(), null, SessionEnding.Reason.PASSWORD_RESET,
                SessionEnding.Event.of(AuditEventType.PASSWORD_RESET, customer.id().value(), client));
        // the owner of the address proved themselves: a lockout from guessing is over
        throttle.clear(store, challenge.channel() == OtpChannel.EMAIL
                ? LockoutKey.email(challenge.destination().address())
                : LockoutKey.phone(challenge.destination().address()));
        return signIn(store, customer, challenge, guest, client, AuditEventType.LOGIN_SUCCEEDED, now);
    }

    private Verified replaceContact(Store store, OtpChallenge challenge, CustomerId holder, ClientInfo client,
            Instant now) {
        Customer customer = requireSubject(store, challenge);
        if (!customer.id().equals(holder)) {
            throw OtpChallenges.expired();
        }
        String address = challenge.destination().address();
        boolean byEmail = challenge.action() == OtpAction.UPDATE_EMAIL;
        Optional<Customer> other = byEmail
                ? customers.findByEmail(store.id(), EmailAddress.parse(address).orElseThrow())
                : customers.findByPhone(store.id(), new PhoneNumber(address));
        other.filter(previous -> !previous.id().equals(customer.id()))
                .filter(previous -> AddressClaim.yieldsToProof(previous, challenge.channel()))
                .ifPresent(previous -> claim.prove(store, previous, challenge.destination(), client, now));
        if (byEmail) {
            customer.replaceEmail(EmailAddress.parse(address).orElseThrow(), now);
        } else {
            customer.replacePhone(new PhoneNumber(address), now);
        }
        if (!customers.updateUnlessTaken(customer)) {
            throw new DomainException(ErrorCode.ACCOUNT_EXISTS, "Another account already uses this "
                    + (challenge.action() == OtpAction.UPDATE_EMAIL ? "email." : "phone."));
        }
        audit.record(store.id(), AuditEventType.CONTACT_CHANGED, customer.id().value(), client,
                Map.of("channel", challenge.channel().wireValue(), "destination", challenge.destination().masked()));
        return new Verified(null, customer);
    }

    /**
     * The customer a sign-in or reset code was sent for, once the code has proved the address: it must
     * still be the customer's (a code sent to a replaced address completes nothing), and the proof claims
     * the account if nobody had proved an address on it yet.
     */
    private Customer claimed(Store store, OtpChallenge challenge, ClientInfo client, Instant now) {
        Customer customer = requireSubject(store, challenge);
        if (!isCurrentContact(customer, challenge) || AddressClaim.yieldsToProof(customer, challenge.channel())) {
            throw OtpChallenges.expired();
        }
        claim.prove(store, customer, challenge.destination(), client, now);
        return customer;
    }

    private Customer requireSubject(Store store, OtpChallenge challenge) {
        if (challenge.subject() == null) {
            throw OtpChallenges.expired();
        }
        // the customer may have been erased since the code was sent
        return customers.find(store.id(), new CustomerId(challenge.subject())).orElseThrow(OtpChallenges::expired);
    }

    private static boolean isCurrentContact(Customer customer, OtpChallenge challenge) {
        String address = challenge.destination().address();
        return challenge.channel() == OtpChannel.EMAIL
                ? customer.email() != null && customer.email().value().equals(address)
                : customer.phone() != null && customer.phone().e164().equals(address);
    }

    /** The address the code went to is now proved, if it is still the customer's. */
    private static void confirmDestination(Customer customer, OtpChallenge challenge, Instant now) {
        if (isCurrentContact(customer, challenge)) {
            if (challenge.channel() == OtpChannel.EMAIL) {
                customer.confirmEmail(now);
            } else {
                customer.confirmPhone(now);
            }
        }
    }

    private static String method(OtpChallenge challenge) {
        return challenge.channel() == OtpChannel.EMAIL ? "email_otp"
                : challenge.channel() == OtpChannel.SMS ? "phone_otp" : "whatsapp_otp";
    }
}
