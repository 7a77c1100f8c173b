package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a store's operators do with its customers and their sessions (the management API). */
@ApplicationScoped
@Transactional
public class CustomerAdministration {

    @Inject
    CustomerRepository customers;

    @Inject
    SessionRepository sessions;

    @Inject
    StoreAccess access;

    @Inject
    SessionEnding ending;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Page<Customer> search(Operator operator, StoreId store, String query, PageRequest page) {
        access.require(operator, store);
        if (query != null && (query.length() > 254 || query.chars().anyMatch(Character::isISOControl))) {
            throw DomainException.invalidField("q", "must be at most 254 characters without control characters");
        }
        return customers.search(store, query == null ? null : query.strip(), page);
    }

    public Customer get(Operator operator, StoreId store, CustomerId id) {
        access.require(operator, store);
        return require(store, id);
    }

    /** Disabling also ends every session of the customer at once. */
    public Customer changeStatus(
            Operator operator, StoreId store, CustomerId id, CustomerStatus status, ClientInfo client) {
        access.require(operator, store);
        Customer customer = require(store, id);
        Instant now = clock.instant();
        customer.changeStatus(status, now);
        customers.update(customer);
        if (status == CustomerStatus.DISABLED) {
            ending.endAllOf(
                    store,
                    id.value(),
                    null,
                    SessionEnding.Reason.CUSTOMER_DISABLED,
                    new SessionEnding.Event(
                            AuditEventType.CUSTOMER_DISABLED,
                            operator.subject(),
                            client,
                            Map.of("customer_id", id.value())));
        } else {
            audit.record(
                    store,
                    AuditEventType.CUSTOMER_ENABLED,
                    operator.subject(),
                    client,
                    Map.of("customer_id", id.value(), "sessions_revoked", "0"));
        }
        return customer;
    }

    /** The store's usable customer sessions, newest first; only one customer's when {@code customer} is not null. */
    public List<Session> activeSessions(Operator operator, StoreId store, CustomerId customer) {
        access.require(operator, store);
        Instant now = clock.instant();
        return sessions.listUnrevoked(store, customer == null ? null : customer.value(), now).stream()
                .filter(session -> session.kind() == SubjectKind.CUSTOMER && session.isActive(now))
                .toList();
    }

    /**
     * One page of the store's usable customer sessions, newest first. {@code customer} narrows them to one
     * customer named by id ({@code cus_…}) or email; blank lists all.
     */
    public Page<CustomerSession> sessionPage(Operator operator, StoreId store, String customer, PageRequest page) {
        access.require(operator, store);
        String filter = customer == null ? "" : customer.strip();
        String subject = null;
        if (!filter.isEmpty()) {
            Optional<String> named = subjectNamed(store, filter);
            if (named.isEmpty()) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            subject = named.get();
        }
        Page<Session> found = sessions.pageActive(store, SubjectKind.CUSTOMER, subject, clock.instant(), page);
        Map<String, Customer> owners = customers
                .findAll(
                        store,
                        found.items().stream()
                                .map(session -> new CustomerId(session.subject()))
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(owner -> owner.id().value(), owner -> owner));
        List<CustomerSession> rows = found.items().stream()
                .map(session -> new CustomerSession(session, owners.get(session.subject())))
                .toList();
        return new Page<>(rows, found.page(), found.size(), found.total());
    }

    public void revokeSession(Operator operator, StoreId store, SessionId id, ClientInfo client) {
        access.require(operator, store);
        Session session = sessions.find(store, id)
                .filter(found -> found.revokedAt() == null)
                .orElseThrow(() -> DomainException.notFound("session"));
        ending.end(
                session,
                SessionEnding.Reason.OPERATOR_REVOKED,
                new SessionEnding.Event(
                        AuditEventType.SESSION_REVOKED,
                        operator.subject(),
                        client,
                        Map.of("customer_id", session.subject(), "by", "operator")));
    }

    public void revokeAllSessions(Operator operator, StoreId store, CustomerId id, ClientInfo client) {
        access.require(operator, store);
        require(store, id);
        ending.endAllOf(
                store,
                id.value(),
                null,
                SessionEnding.Reason.OPERATOR_REVOKED,
                new SessionEnding.Event(
                        AuditEventType.SESSION_REVOKED,
                        operator.subject(),
                        client,
                        Map.of("customer_id", id.value(), "by", "operator")));
    }

    private Optional<String> subjectNamed(StoreId store, String filter) {
        Optional<CustomerId> id = CustomerId.parse(filter);
        if (id.isPresent()) {
            return id.map(CustomerId::value);
        }
        EmailAddress email = EmailAddress.parse(filter)
                .orElseThrow(() ->
                        DomainException.invalidField("customer", "must be a customer id (cus_…) or an email address"));
        return customers.findByEmail(store, email).map(found -> found.id().value());
    }

    private Customer require(StoreId store, CustomerId id) {
        return customers.find(store, id).orElseThrow(() -> DomainException.notFound("customer"));
    }
}
