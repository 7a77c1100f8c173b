package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChannel;
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
import java.time.Clock;
import java.util.Map;

/**
 * Sign-up with a password: the customer is created and signed in at once, or, when the store requires
 * a verified contact, answered with a {@code verify} code whose entry completes the sign-in.
 */
@ApplicationScoped
public class CustomerRegistration {

    @Inject
    CustomerRepository customers;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionIssuer issuer;

    @Inject
    CustomerOtp otp;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** A validated sign-up request; names may be null. */
    public record Registration(
            EmailAddress email, PhoneNumber phone, String password, String firstName, String lastName) {}

    public SignInStep register(Store store, Registration registration, GuestLink guest, ClientInfo client) {
        if (!store.policy().allowsRegistration()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not allow sign-up.");
        }
        PasswordPolicy.check("password", registration.password(), store.policy().passwordMinLength());
        Customer customer = Customer.register(
                store.id(),
                registration.email(),
                registration.phone(),
                registration.firstName(),
                registration.lastName(),
                null,
                clock.instant());
        String hash = hasher.hash(store.id(), registration.password());
        return transactions.required(() -> {
            customer.replacePasswordHash(hash, customer.createdAt());
            if (!customers.insert(customer)) {
                throw new DomainException(
                        ErrorCode.ACCOUNT_EXISTS, "An account with this email or phone already exists.");
            }
            if (store.policy().requiresVerifiedContact()) {
                audit.record(
                        store.id(),
                        AuditEventType.CUSTOMER_REGISTERED,
                        customer.id().value(),
                        client,
                        Map.of("method", "password", "pending", "contact_verification"));
                return SignInStep.codeRequired(otp.send(
                        store, OtpAction.VERIFY, CustomerOtp.contactOf(customer, OtpChannel.EMAIL), customer, client));
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
                    Map.of("session_id", grant.session().id().value()));
            return SignInStep.signedIn(new CustomerSignIn(customer, grant));
        });
    }
}
