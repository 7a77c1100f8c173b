package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordCheck;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.LockoutKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a signed-in customer does with their own account: read and rename it, change the password,
 * see and end their sessions, and erase the account. Every method is scoped to the customer's store.
 */
@ApplicationScoped
public class CustomerAccount {

    @Inject
    CustomerRepository customers;

    @Inject
    SessionRepository sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordCheck credentials;

    @Inject
    CodeVerification codes;

    @Inject
    SessionEnding ending;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public Customer get(StoreId store, CustomerId id) {
        return transactions.required(() -> require(store, id));
    }

    public Customer rename(StoreId store, CustomerId id, NameChange change, ClientInfo client) {
        return transactions.required(() -> {
            Customer customer = require(store, id);
            customer.rename(
                    change.firstName(), change.lastName(), change.changeFirst(), change.changeLast(), clock.instant());
            customers.update(customer);
            audit.record(store, AuditEventType.PROFILE_UPDATED, id.value(), client, Map.of());
            return customer;
        });
    }

    /** Which names a PATCH sets; a name sent as null clears it. */
    public record NameChange(String firstName, boolean changeFirst, String lastName, boolean changeLast) {}

    /** Changes the password and ends every other session of the customer (their tokens stop working on our routes). */
    public void changePassword(
            Store store,
            CustomerId id,
            SessionId current,
            String currentPassword,
            String newPassword,
            ClientInfo client) {
        Customer customer = get(store.id(), id);
        requirePassword(store, customer, currentPassword, "current_password", client);
        PasswordPolicy.check("new_password", newPassword, store.policy().passwordMinLength());
        String hash = hasher.hash(store.id(), newPassword);
        transactions.required(() -> {
            Instant now = clock.instant();
            customer.replacePasswordHash(hash, now);
            customers.update(customer);
            ending.endAllOf(
                    store.id(),
                    id.value(),
                    current,
                    SessionEnding.Reason.PASSWORD_CHANGED,
                    SessionEnding.Event.of(AuditEventType.PASSWORD_CHANGED, id.value(), client));
        });
    }

    /** Erases the customer: personal data removed, every session revoked; only the audit trail remains. */
    public void erase(Store store, CustomerId id, String password, ClientInfo client) {
        Customer customer = get(store.id(), id);
        requirePassword(store, customer, password, "password", client);
        transactions.required(() -> eraseNow(store, id, client));
    }

    /** Erasure proved by a fresh {@code verify} code of this customer instead of a password (password-less accounts). */
    public void eraseWithCode(Store store, CustomerId id, String otpToken, String code, ClientInfo client) {
        codes.spend(store, id, otpToken, code, client, () -> eraseNow(store, id, client));
    }

    private void eraseNow(Store store, CustomerId id, ClientInfo client) {
        ending.endAllOf(
                store.id(),
                id.value(),
                null,
                SessionEnding.Reason.ACCOUNT_DELETED,
                SessionEnding.Event.of(AuditEventType.ACCOUNT_DELETED, id.value(), client));
        customers.delete(store.id(), id);
    }

    /** The customer's usable sessions, newest first. */
    public List<Session> sessions(StoreId store, CustomerId id) {
        Instant now = clock.instant();
        return transactions.required(() -> sessions.listUnrevoked(store, id.value(), now)).stream()
                .filter(session -> session.isActive(now))
                .toList();
    }

    /** Ends one of the customer's own sessions; any other id is simply not found. */
    public void endSession(StoreId store, CustomerId id, SessionId target, ClientInfo client) {
        transactions.required(() -> {
            Session session = sessions.find(store, target)
                    .filter(found -> found.subject().equals(id.value()))
                    .filter(found -> found.revokedAt() == null)
                    .orElseThrow(() -> DomainException.notFound("session"));
            ending.end(
                    session,
                    SessionEnding.Reason.CUSTOMER_REVOKED,
                    new SessionEnding.Event(
                            AuditEventType.SESSION_REVOKED, id.value(), client, Map.of("by", "customer")));
        });
    }

    private Customer require(StoreId store, CustomerId id) {
        return customers.find(store, id).orElseThrow(() -> DomainException.notFound("customer"));
    }

    /** Re-checks the password before a sensitive change, under the same lockout as sign-in. */
    private void requirePassword(Store store, Customer customer, String password, String field, ClientInfo client) {
        if (customer.passwordHash() == null) {
            throw DomainException.invalidField(field, "this account has no password");
        }
        if (!credentials
                .reserve(store, LockoutKey.customer(customer.id().value()))
                .verify(
                        Optional.of(customer.passwordHash()),
                        password,
                        customer.id().value(),
                        client)
                .matches()) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "The password is not correct.");
        }
    }
}
