package com.storefrontauth.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.AccountRole;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerRepository;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.InMemoryStores;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private static final PageRequest FIRST = new PageRequest(1, 100);

    private final Store store = Store.open("Shop", StoreMode.TEST, Instant.EPOCH);
    private final List<Customer> customers = new ArrayList<>();
    private final RecordedEvents events = new RecordedEvents();
    private final MerchantAccount merchant = new MerchantAccount(
            AccountId.generate(),
            "owner@shop.example",
            "Owner",
            AccountRole.MERCHANT,
            AccountStatus.ACTIVE,
            "hash",
            Instant.EPOCH);
    private final Operator admin = new Operator.PlatformAdmin(AccountId.generate());
    private final AuditTrail trail = new AuditTrail(
            events,
            new Customers(),
            new Accounts(),
            new StoreAccess(InMemoryStores.of(store), new Accounts()),
            new DirectTransactions());
    private Instant clock = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void whenSubjectsAreIdsThenCustomersReadAsEmailOrPhoneMerchantsAsEmailAndErasedCustomersAsErased() {
        Customer byEmail = customer("ada@example.com", null);
        Customer byPhone = customer(null, "+919876543210");
        record(AuditEventType.LOGIN_SUCCEEDED, byEmail.id().value());
        record(AuditEventType.LOGIN_SUCCEEDED, byPhone.id().value());
        record(AuditEventType.ACCOUNT_DELETED, CustomerId.generate().value());
        record(AuditEventType.API_KEY_CREATED, merchant.id().value());
        record(AuditEventType.OTP_DELIVERED, null);

        Page<AuditEntry> page = trail.page(admin, store.id(), null, null, null, FIRST);

        assertThat(page.items())
                .extracting(AuditEntry::subjectName)
                .containsExactly(null, "owner@shop.example", "erased customer", "+919876543210", "ada@example.com");
        assertThat(page.items().get(2).erased()).isTrue();
        assertThat(page.items().get(1).named())
                .as("the id is offered for copying")
                .isTrue();
    }

    @Test
    void whenFilteredByEmailPhoneOrIdThenOnlyThatCustomersEventsAndAnUnknownCustomerFindsNothing() {
        Customer ada = customer("ada@example.com", "+919876543210");
        Customer grace = customer("grace@example.com", null);
        record(AuditEventType.LOGIN_FAILED, ada.id().value());
        record(AuditEventType.LOGIN_FAILED, grace.id().value());
        record(AuditEventType.PROFILE_UPDATED, ada.id().value());

        for (String given :
                List.of(" ADA@example.com ", "+91 98765 43210", ada.id().value())) {
            assertThat(trail.page(admin, store.id(), null, given, null, FIRST).items())
                    .as(given)
                    .extracting(entry -> entry.event().type())
                    .containsExactly(AuditEventType.PROFILE_UPDATED, AuditEventType.LOGIN_FAILED);
        }
        assertThat(trail.page(admin, store.id(), null, "nobody@example.com", null, FIRST)
                        .items())
                .isEmpty();
        assertThat(trail.page(admin, store.id(), AuditEventType.LOGIN_FAILED, "ada@example.com", null, FIRST)
                        .total())
                .isEqualTo(1);
    }

    @Test
    void whenRecentSignInsAreAskedForThenOnlySignInsAndFailuresOfThatCustomerComeNewestFirst() {
        Customer ada = customer("ada@example.com", null);
        Customer grace = customer("grace@example.com", null);
        record(AuditEventType.LOGIN_SUCCEEDED, ada.id().value());
        record(AuditEventType.PROFILE_UPDATED, ada.id().value());
        record(AuditEventType.LOGIN_FAILED, grace.id().value());
        record(AuditEventType.OTP_FAILED, ada.id().value());

        assertThat(trail.recentSignIns(admin, store.id(), ada.id(), 10))
                .extracting(entry -> entry.event().type())
                .containsExactly(AuditEventType.OTP_FAILED, AuditEventType.LOGIN_SUCCEEDED);
    }

    private Customer customer(String email, String phone) {
        Customer customer = new Customer(
                CustomerId.generate(),
                store.id(),
                email == null ? null : EmailAddress.parse(email).orElseThrow(),
                phone == null ? null : new PhoneNumber(phone),
                null,
                null,
                null,
                false,
                false,
                CustomerStatus.ACTIVE,
                Instant.EPOCH,
                Instant.EPOCH);
        customers.add(customer);
        return customer;
    }

    private void record(AuditEventType type, String subject) {
        clock = clock.plusSeconds(1);
        events.insert(new AuditEvent(AuditEvent.newId(), store.id(), type, subject, null, null, Map.of(), clock));
    }

    private final class Customers implements CustomerRepository {
        @Override
        public boolean insert(Customer customer) {
            return customers.add(customer);
        }

        @Override
        public void update(Customer customer) {}

        @Override
        public boolean updateUnlessTaken(Customer customer) {
            return true;
        }

        @Override
        public Optional<Customer> find(StoreId storeId, CustomerId id) {
            return customers.stream()
                    .filter(c -> c.store().equals(storeId) && c.id().equals(id))
                    .findFirst();
        }

        @Override
        public List<Customer> findAll(StoreId storeId, Collection<CustomerId> ids) {
            return customers.stream()
                    .filter(c -> c.store().equals(storeId) && ids.contains(c.id()))
                    .toList();
        }

        @Override
        public Optional<Customer> findByEmail(StoreId storeId, EmailAddress email) {
            return customers.stream()
                    .filter(c -> c.store().equals(storeId) && email.equals(c.email()))
                    .findFirst();
        }

        @Override
        public Optional<Customer> findByPhone(StoreId storeId, PhoneNumber phone) {
            return customers.stream()
                    .filter(c -> c.store().equals(storeId) && phone.equals(c.phone()))
                    .findFirst();
        }

        @Override
        public Page<Customer> search(StoreId storeId, String query, PageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void each(StoreId storeId, String query, Consumer<Customer> each) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(StoreId storeId, CustomerId id) {
            customers.removeIf(c -> c.id().equals(id));
        }
    }

    private final class Accounts implements AccountRepository {
        @Override
        public void insert(MerchantAccount account) {}

        @Override
        public void updatePasswordHash(AccountId id, String passwordHash) {}

        @Override
        public void updateStatus(AccountId id, AccountStatus status) {}

        @Override
        public boolean insertIfAbsent(MerchantAccount account) {
            return true;
        }

        @Override
        public Optional<MerchantAccount> findByEmail(String normalisedEmail) {
            return Optional.empty();
        }

        @Override
        public Optional<MerchantAccount> find(AccountId id) {
            return merchant.id().equals(id) ? Optional.of(merchant) : Optional.empty();
        }

        @Override
        public void addMembership(AccountId account, StoreId storeId) {}

        @Override
        public boolean isMember(AccountId account, StoreId storeId) {
            return false;
        }
    }
}
