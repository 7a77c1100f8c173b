package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordCheck;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Customer sign-in with a password. The lockout is checked before any hash is computed; an unknown
 * identifier costs the same hash as a known one, counts towards the same lockout and gets the same
 * answer, so neither timing, body nor lockout tells whether an account exists. A correct password
 * answers a code challenge instead of tokens when the store wants a verified contact the customer has
 * not proved yet ({@code verify}) or a code after every password ({@code login}).
 */
@ApplicationScoped
public class PasswordLogin {

    @Inject
    CustomerRepository customers;

    @Inject
    PasswordCheck credentials;

    @Inject
    SessionIssuer issuer;

    @Inject
    CustomerOtp otp;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    public SignInStep login(
            Store store, CustomerIdentifier identifier, String password, GuestLink guest, ClientInfo client) {
        if (!store.policy().passwordLogin()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not allow password sign-in.");
        }
        PasswordCheck.Reserved attempt = credentials.reserve(store, identifier.lockoutKey());
        Optional<Customer> found = transactions
                .required(() -> identifier.findIn(customers, store))
                .filter(customer -> customer.passwordHash() != null);
        PasswordHasher.Verification verification = attempt.verify(
                found.map(Customer::passwordHash),
                password,
                found.map(customer -> customer.id().value()).orElse(null),
                client);
        if (!verification.matches()) {
            throw refused(store, found.orElse(null), client);
        }
        Customer customer = found.get();
        if (customer.isDisabled()) {
            audit.recordRefusal(
                    store.id(),
                    AuditEventType.LOGIN_FAILED,
                    customer.id().value(),
                    client,
                    Map.of("method", "password", "reason", "account_disabled"));
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        return transactions.required(() -> {
            if (verification.rehash() != null) {
                customer.replacePasswordHash(verification.rehash(), customer.modifiedAt());
                customers.update(customer);
            }
            if (store.policy().requiresVerifiedContact() && !customer.hasVerifiedContact()) {
                return SignInStep.codeRequired(otp.send(
                        store,
                        OtpAction.VERIFY,
                        CustomerOtp.contactOf(customer, identifier.email() != null ? OtpChannel.EMAIL : OtpChannel.SMS),
                        customer,
                        client));
            }
            if (store.policy().otpAfterPassword()) {
                OtpChannel channel = OtpChannel.fromWire(store.policy().otpAfterPasswordChannel())
                        .orElse(OtpChannel.EMAIL);
                return SignInStep.codeRequired(
                        otp.send(store, OtpAction.LOGIN, CustomerOtp.contactOf(customer, channel), customer, client));
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
                    AuditEventType.LOGIN_SUCCEEDED,
                    customer.id().value(),
                    client,
                    Map.of(
                            "method",
                            "password",
                            "session_id",
                            grant.session().id().value()));
            return SignInStep.signedIn(new CustomerSignIn(customer, grant));
        });
    }

    private DomainException refused(Store store, Customer customer, ClientInfo client) {
        audit.recordRefusal(
                store.id(),
                AuditEventType.LOGIN_FAILED,
                customer == null ? null : customer.id().value(),
                client,
                Map.of("method", "password", "reason", customer == null ? "unknown_identifier" : "wrong_password"));
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "The email, phone or password is not correct.");
    }
}
