package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventFilter;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerRepository;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A store's audit log as its merchant reads it: subjects named by email or phone instead of ids, filtered by
 * a customer given as they know them (email, phone or id), and a customer's recent sign-ins and failures.
 */
@ApplicationScoped
public class AuditTrail {

    /** What "sign-ins and failures" means on a customer's page. */
    public static final Set<AuditEventType> SIGN_IN_TYPES = Set.copyOf(EnumSet.of(
            AuditEventType.LOGIN_SUCCEEDED,
            AuditEventType.LOGIN_FAILED,
            AuditEventType.ACCOUNT_LOCKED,
            AuditEventType.OTP_FAILED,
            AuditEventType.OTP_BURNED));

    private static final int MAX_QUERY = 254;

    private AuditEventRepository events;
    private CustomerRepository customers;
    private AccountRepository accounts;
    private StoreAccess access;
    private Transactions transactions;

    protected AuditTrail() {
        // for CDI proxies
    }

    @Inject
    public AuditTrail(
            AuditEventRepository events,
            CustomerRepository customers,
            AccountRepository accounts,
            StoreAccess access,
            Transactions transactions) {
        this.events = events;
        this.customers = customers;
        this.accounts = accounts;
        this.access = access;
        this.transactions = transactions;
    }

    /**
     * Newest first. {@code customer} (email, phone or {@code cus_…} id; null for everyone) that names no
     * customer of the store finds nothing rather than everything.
     */
    public Page<AuditEntry> page(
            Operator operator,
            StoreId storeId,
            AuditEventType type,
            String customer,
            Instant since,
            PageRequest request) {
        return transactions.required(() -> {
            Page<AuditEvent> page =
                    events.page(storeId, filter(access.require(operator, storeId), type, customer, since), request);
            return new Page<>(named(storeId, page.items()), page.page(), page.size(), page.total());
        });
    }

    /** The filter of {@link #page}, for a store the operator was let into (inside the caller's transaction). */
    public AuditEventFilter filter(Store store, AuditEventType type, String customer, Instant since) {
        String subject = null;
        if (customer != null && !customer.isBlank()) {
            subject = subjectOf(store, customer.strip()).orElse(CustomerId.PREFIX + "none");
        }
        return new AuditEventFilter(type == null ? Set.of() : Set.of(type), subject, since);
    }

    /** The customer's latest sign-ins and failures, newest first. */
    public List<AuditEntry> recentSignIns(Operator operator, StoreId storeId, CustomerId customer, int limit) {
        return transactions.required(() -> {
            access.require(operator, storeId);
            AuditEventFilter filter = new AuditEventFilter(SIGN_IN_TYPES, customer.value(), null);
            return named(
                    storeId,
                    events.page(storeId, filter, new PageRequest(1, limit)).items());
        });
    }

    private Optional<String> subjectOf(Store store, String query) {
        if (query.length() > MAX_QUERY || query.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField("customer", "must be an email, a phone or a customer id");
        }
        if (query.startsWith(CustomerId.PREFIX)) {
            return CustomerId.parse(query).map(CustomerId::value);
        }
        Optional<Customer> found = query.contains("@")
                ? EmailAddress.parse(query).flatMap(email -> customers.findByEmail(store.id(), email))
                : PhoneNumber.parse(query, null, store.policy().defaultCountryCode())
                        .flatMap(phone -> customers.findByPhone(store.id(), phone));
        return found.map(c -> c.id().value());
    }

    /** The events with their subjects named: one query for the customers among them (at most a page's worth). */
    public List<AuditEntry> named(StoreId store, List<AuditEvent> page) {
        List<CustomerId> ids = page.stream()
                .map(AuditEvent::subject)
                .distinct()
                .flatMap(subject -> subject == null ? Stream.empty() : CustomerId.parse(subject).stream())
                .toList();
        Map<String, Customer> found = ids.isEmpty()
                ? Map.of()
                : customers.findAll(store, ids).stream()
                        .collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        Map<String, String> known = new HashMap<>();
        return page.stream()
                .map(event -> new AuditEntry(
                        event,
                        event.subject() == null
                                ? null
                                : known.computeIfAbsent(event.subject(), subject -> name(store, subject, found))))
                .toList();
    }

    /** A customer the store no longer has was erased: their events stay, their contact does not. */
    private String name(StoreId store, String subject, Map<String, Customer> found) {
        if (subject.startsWith(CustomerId.PREFIX)) {
            Optional<Customer> customer = found.containsKey(subject)
                    ? Optional.of(found.get(subject))
                    : CustomerId.parse(subject).flatMap(id -> customers.find(store, id));
            return customer.map(AuditTrail::contact).orElse(AuditEntry.ERASED);
        }
        if (subject.startsWith(AccountId.PREFIX)) {
            return accounts.find(new AccountId(subject))
                    .map(MerchantAccount::email)
                    .orElse(subject);
        }
        return subject;
    }

    private static String contact(Customer customer) {
        if (customer.email() != null) {
            return customer.email().value();
        }
        return customer.phone() != null
                ? customer.phone().e164()
                : customer.id().value();
    }
}
