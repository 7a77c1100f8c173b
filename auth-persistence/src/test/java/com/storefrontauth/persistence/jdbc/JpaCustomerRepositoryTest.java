package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.jpa.JpaCustomerRepository;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaCustomerRepositoryTest extends RepositoryTest {

    private static final PageRequest ALL = new PageRequest(1, 100);

    private static Customer customer(
            Store store, String email, String phone, String firstName, String lastName, Instant createdAt) {
        return new Customer(
                CustomerId.generate(),
                store.id(),
                email == null ? null : EmailAddress.parse(email).orElseThrow(),
                phone == null ? null : new PhoneNumber(phone),
                firstName,
                lastName,
                "$argon2id$v=19$hash",
                false,
                false,
                CustomerStatus.ACTIVE,
                createdAt,
                createdAt);
    }

    /** Inserts a customer created at the given instant, insisting that the insert succeeds. */
    private static Customer register(
            Store store, String email, String phone, String firstName, String lastName, Instant createdAt) {
        Customer customer = customer(store, email, phone, firstName, lastName, createdAt);
        assertThat(customers.insert(customer))
                .as("insert of " + email + " / " + phone)
                .isTrue();
        return customer;
    }

    private static Customer register(Store store, String email, String phone) {
        return register(store, email, phone, "Ada", "Lovelace", now());
    }

    private static EmailAddress email(String value) {
        return EmailAddress.parse(value).orElseThrow();
    }

    private static List<CustomerId> ids(Page<Customer> page) {
        return page.items().stream().map(Customer::id).toList();
    }

    @Test
    void whenACustomerIsInsertedThenItIsFoundByIdEmailAndPhoneWithEveryField() {
        Store store = newStore();
        Customer customer = register(store, "ada@example.com", "+14155550101");

        assertThat(customers.find(store.id(), customer.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(customers.findByEmail(store.id(), email("ada@example.com")))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+14155550101")))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(customers.find(store.id(), CustomerId.generate())).isEmpty();
        assertThat(customers.findByEmail(store.id(), email("someone.else@example.com")))
                .isEmpty();
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+14155550199")))
                .isEmpty();
    }

    @Test
    void whenSeveralIdsAreAskedForThenOnlyThatStoresCustomersAmongThemAreFound() {
        Store store = newStore();
        Customer ada = register(store, "ada.all@example.com", null);
        Customer grace = register(store, "grace.all@example.com", null);
        register(store, "not.asked@example.com", null);
        Customer elsewhere = register(newStore(), "elsewhere.all@example.com", null);

        assertThat(customers.findAll(store.id(), List.of(ada.id(), grace.id(), elsewhere.id(), CustomerId.generate())))
                .extracting(Customer::id)
                .containsExactlyInAnyOrder(ada.id(), grace.id());
        assertThat(customers.findAll(store.id(), List.of())).isEmpty();
    }

    @Test
    void whenCustomersAreStreamedThenEveryMatchOfThisStoreComesNewestFirstWithoutPages() {
        Store store = newStore();
        Instant start = now();
        Customer older = register(store, "stream.older@example.com", null, "Ada", "Lovelace", start);
        register(store, "other.name@example.com", null, "Grace", "Hopper", start.plusSeconds(1));
        Customer newer = register(store, "stream.newer@example.com", null, "Ada", "Byron", start.plusSeconds(2));
        register(newStore(), "stream.elsewhere@example.com", null);

        List<Customer> matching = new ArrayList<>();
        customers.each(store.id(), "stream", matching::add);
        List<Customer> all = new ArrayList<>();
        customers.each(store.id(), null, all::add);

        assertThat(matching).extracting(Customer::id).containsExactly(newer.id(), older.id());
        assertThat(all).hasSize(3);
    }

    @Test
    void whenACustomerHasNoEmailPhoneNamesOrPasswordThenItRoundTripsWithNulls() {
        Store store = newStore();
        Instant now = now();
        Customer phoneOnly = new Customer(
                CustomerId.generate(),
                store.id(),
                null,
                new PhoneNumber("+919876543210"),
                null,
                null,
                null,
                false,
                true,
                CustomerStatus.ACTIVE,
                now,
                now);
        Customer emailOnly = new Customer(
                CustomerId.generate(),
                store.id(),
                email("only@example.com"),
                null,
                null,
                null,
                null,
                true,
                false,
                CustomerStatus.DISABLED,
                now,
                now.plusSeconds(1));

        assertThat(customers.insert(phoneOnly)).isTrue();
        assertThat(customers.insert(emailOnly)).isTrue();

        assertThat(customers.find(store.id(), phoneOnly.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(phoneOnly);
        assertThat(customers.find(store.id(), emailOnly.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(emailOnly);
    }

    @Test
    void whenManyCustomersOfAStoreHaveNoEmailOrNoPhoneThenTheNullsNeverCollide() {
        Store store = newStore();
        register(store, null, "+14155550101");
        register(store, null, "+14155550102");
        register(store, "a@example.com", null);
        register(store, "b@example.com", null);

        assertThat(customers.search(store.id(), null, ALL).total()).isEqualTo(4);
    }

    @Test
    void whenTheSameEmailAndPhoneRegisterInTwoStoresThenTheyAreTwoCustomersEachFoundOnlyInItsStore() {
        Store first = newStore();
        Store second = newStore();
        Customer inFirst = register(first, "shared@example.com", "+14155550101");
        Customer inSecond = register(second, "shared@example.com", "+14155550101");

        assertThat(inFirst.id()).isNotEqualTo(inSecond.id());
        assertThat(customers.findByEmail(first.id(), email("shared@example.com")))
                .map(Customer::id)
                .contains(inFirst.id());
        assertThat(customers.findByEmail(second.id(), email("shared@example.com")))
                .map(Customer::id)
                .contains(inSecond.id());
        assertThat(customers.findByPhone(first.id(), new PhoneNumber("+14155550101")))
                .map(Customer::id)
                .contains(inFirst.id());
        assertThat(customers.findByPhone(second.id(), new PhoneNumber("+14155550101")))
                .map(Customer::id)
                .contains(inSecond.id());
    }

    @Test
    void whenAnIdOfAnotherStoreIsLookedUpThenNothingIsFound() {
        Store owner = newStore();
        Store other = newStore();
        Customer customer = register(owner, "owned@example.com", "+14155550101");

        assertThat(customers.find(other.id(), customer.id())).isEmpty();
        assertThat(customers.findByEmail(other.id(), email("owned@example.com")))
                .isEmpty();
        assertThat(customers.findByPhone(other.id(), new PhoneNumber("+14155550101")))
                .isEmpty();
        assertThat(customers.find(owner.id(), customer.id())).isPresent();
    }

    @Test
    void whenTheEmailIsTakenInTheStoreThenInsertIsFalseAndNothingIsWritten() {
        Store store = newStore();
        Customer first = register(store, "taken@example.com", "+14155550101");
        Customer duplicate = customer(store, "taken@example.com", "+14155550102", "Other", "Person", now());

        assertThat(customers.insert(duplicate)).isFalse();

        assertThat(customers.find(store.id(), duplicate.id())).isEmpty();
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+14155550102")))
                .isEmpty();
        assertThat(customers.findByEmail(store.id(), email("taken@example.com")))
                .map(Customer::id)
                .contains(first.id());
        assertThat(customers.search(store.id(), null, ALL).total()).isEqualTo(1);
    }

    @Test
    void whenThePhoneIsTakenInTheStoreThenInsertIsFalseAndNothingIsWritten() {
        Store store = newStore();
        Customer first = register(store, "first@example.com", "+14155550101");
        Customer duplicate = customer(store, "second@example.com", "+14155550101", "Other", "Person", now());

        assertThat(customers.insert(duplicate)).isFalse();

        assertThat(customers.find(store.id(), duplicate.id())).isEmpty();
        assertThat(customers.findByEmail(store.id(), email("second@example.com")))
                .isEmpty();
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+14155550101")))
                .map(Customer::id)
                .contains(first.id());
        assertThat(customers.search(store.id(), null, ALL).total()).isEqualTo(1);
    }

    @Test
    void whenADuplicateIsRefusedInsideATransactionThenTheTransactionGoesOnAndCommits() {
        Store store = newStore();
        register(store, "taken@example.com", "+14155550101");
        Customer duplicate = customer(store, "taken@example.com", null, null, null, now());
        Customer fresh = customer(store, "fresh@example.com", null, null, null, now());

        boolean[] inserted =
                transactions.required(() -> new boolean[] {customers.insert(duplicate), customers.insert(fresh)});

        assertThat(inserted).containsExactly(false, true);
        assertThat(customers.find(store.id(), fresh.id())).isPresent();
        assertThat(customers.find(store.id(), duplicate.id())).isEmpty();
    }

    @Test
    void whenEveryFieldIsUpdatedThenEveryFieldRoundTrips() {
        Store store = newStore();
        Customer original = register(store, "before@example.com", "+14155550101", "Before", "Name", now());
        Customer changed = new Customer(
                original.id(),
                store.id(),
                email("after@example.com"),
                new PhoneNumber("+447911123456"),
                "After",
                "Renamed",
                "$argon2id$v=19$other",
                true,
                true,
                CustomerStatus.DISABLED,
                original.createdAt(),
                original.createdAt().plusSeconds(90));

        customers.update(changed);

        assertThat(customers.find(store.id(), original.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(changed);
        assertThat(customers.findByEmail(store.id(), email("before@example.com")))
                .isEmpty();
        assertThat(customers.findByEmail(store.id(), email("after@example.com")))
                .isPresent();
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+447911123456")))
                .isPresent();
    }

    @Test
    void whenOptionalFieldsAreClearedByAnUpdateThenTheyReadBackAsNull() {
        Store store = newStore();
        Customer original = register(store, "kept@example.com", "+14155550101", "First", "Last", now());
        Customer cleared = new Customer(
                original.id(),
                store.id(),
                original.email(),
                null,
                null,
                null,
                null,
                true,
                false,
                CustomerStatus.ACTIVE,
                original.createdAt(),
                original.createdAt().plusSeconds(5));

        customers.update(cleared);

        assertThat(customers.find(store.id(), original.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(cleared);
    }

    @Test
    void whenTheDomainRenamesAndDisablesACustomerThenUpdateKeepsTheChange() {
        Store store = newStore();
        Customer customer = register(store, "rename@example.com", null, "Old", "Name", now());
        Instant later = now().plusSeconds(30);
        customer.rename("New", null, true, true, later);
        customer.replacePasswordHash("$argon2id$v=19$new", later);
        customer.changeStatus(CustomerStatus.DISABLED, later);

        customers.update(customer);

        Customer found = customers.find(store.id(), customer.id()).orElseThrow();
        assertThat(found.firstName()).isEqualTo("New");
        assertThat(found.lastName()).isNull();
        assertThat(found.passwordHash()).isEqualTo("$argon2id$v=19$new");
        assertThat(found.isDisabled()).isTrue();
        assertThat(found.modifiedAt()).isEqualTo(later);
        assertThat(found.createdAt()).isEqualTo(customer.createdAt());
    }

    @Test
    void whenAnUpdateNamesAnotherStoreOrAnUnknownIdThenItIsNotFoundAndNothingChanges() {
        Store owner = newStore();
        Store other = newStore();
        Customer customer = register(owner, "mine@example.com", null, "Mine", null, now());
        Customer hijack = new Customer(
                customer.id(),
                other.id(),
                email("hijack@example.com"),
                null,
                "Hijack",
                null,
                null,
                true,
                true,
                CustomerStatus.DISABLED,
                customer.createdAt(),
                now());
        Customer unknown = customer(owner, "ghost@example.com", null, null, null, now());

        assertThatThrownBy(() -> customers.update(hijack))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> customers.update(unknown))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

        assertThat(customers.find(owner.id(), customer.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(customers.find(other.id(), customer.id())).isEmpty();
    }

    @Test
    void whenAnUpdateTakesTheEmailOfAnotherCustomerOfTheStoreThenItIsAUniqueViolation() {
        Store store = newStore();
        register(store, "one@example.com", null);
        Customer second = register(store, "two@example.com", null);
        Customer clash = new Customer(
                second.id(),
                store.id(),
                email("one@example.com"),
                null,
                second.firstName(),
                second.lastName(),
                second.passwordHash(),
                false,
                false,
                CustomerStatus.ACTIVE,
                second.createdAt(),
                now());

        assertThatThrownBy(() -> customers.update(clash))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
        assertThat(customers.find(store.id(), second.id())).map(Customer::email).contains(email("two@example.com"));
    }

    @Test
    void whenUpdateUnlessTakenMovesToAFreeEmailAndPhoneThenTheyAreWrittenAndItIsTrue() {
        Store store = newStore();
        Store other = newStore();
        register(other, "new@example.com", "+447911123456");
        Customer customer = register(store, "old@example.com", "+14155550101");
        Instant later = now().plusSeconds(10);
        customer.replaceEmail(email("new@example.com"), later);
        customer.replacePhone(new PhoneNumber("+447911123456"), later);

        assertThat(customers.updateUnlessTaken(customer)).isTrue();

        assertThat(customers.find(store.id(), customer.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(customers.findByEmail(store.id(), email("old@example.com"))).isEmpty();
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+447911123456")))
                .map(Customer::id)
                .contains(customer.id());
    }

    @Test
    void whenUpdateUnlessTakenTakesAnEmailOrPhoneOfAnotherCustomerThenItIsFalseAndNothingChanges() {
        Store store = newStore();
        register(store, "holder@example.com", "+14155550101");
        Customer customer = register(store, "mover@example.com", "+14155550102", "Mo", "Ver", now());
        Customer takesEmail = new Customer(
                customer.id(),
                store.id(),
                email("holder@example.com"),
                customer.phone(),
                "Changed",
                null,
                null,
                true,
                true,
                CustomerStatus.DISABLED,
                customer.createdAt(),
                now().plusSeconds(5));
        Customer takesPhone = new Customer(
                customer.id(),
                store.id(),
                customer.email(),
                new PhoneNumber("+14155550101"),
                "Changed",
                null,
                null,
                true,
                true,
                CustomerStatus.DISABLED,
                customer.createdAt(),
                now().plusSeconds(5));

        assertThat(customers.updateUnlessTaken(takesEmail)).isFalse();
        assertThat(customers.updateUnlessTaken(takesPhone)).isFalse();

        assertThat(customers.find(store.id(), customer.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
    }

    @Test
    void whenUpdateUnlessTakenIsRefusedInsideATransactionThenEarlierAndLaterWritesOfItCommit() {
        Store store = newStore();
        register(store, "holder@example.com", null);
        Customer customer = register(store, "mover@example.com", null, "Before", null, now());
        Customer bystander = register(store, "bystander@example.com", null, "Bystander", null, now());
        Instant later = now().plusSeconds(5);

        boolean[] answers = transactions.required(() -> {
            bystander.rename("Renamed", null, true, false, later);
            customers.update(bystander);
            customer.replaceEmail(email("holder@example.com"), later);
            boolean taken = customers.updateUnlessTaken(customer);
            customer.replaceEmail(email("free@example.com"), later);
            return new boolean[] {taken, customers.updateUnlessTaken(customer)};
        });

        assertThat(answers).containsExactly(false, true);
        assertThat(customers.find(store.id(), customer.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(customers.find(store.id(), bystander.id()))
                .map(Customer::firstName)
                .contains("Renamed");
        assertThat(customers.findByEmail(store.id(), email("holder@example.com")))
                .map(Customer::id)
                .get()
                .isNotEqualTo(customer.id());
    }

    @Test
    void whenUpdateUnlessTakenNamesAnUnknownCustomerThenItIsNotFound() {
        Store store = newStore();
        Customer unknown = customer(store, "ghost@example.com", null, null, null, now());

        assertThatThrownBy(() -> customers.updateUnlessTaken(unknown))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void whenSearchedByFragmentsOfEmailPhoneOrNameThenMatchesAreCaseInsensitive() {
        Store store = newStore();
        Store other = newStore();
        Instant start = now();
        Customer alice = register(store, "alice.smith@example.com", "+14155550101", "Alice", "Smith", start);
        Customer bob = register(store, "bob@shop.test", "+919876543210", "Bob", "O'Brien", start.plusSeconds(1));
        Customer carol = register(store, "carol@example.org", null, "Carol", "Jones", start.plusSeconds(2));
        register(other, "alice@other.example", "+14155550101", "Alice", "Elsewhere", start.plusSeconds(3));

        assertThat(ids(customers.search(store.id(), "ALICE", ALL))).containsExactly(alice.id());
        assertThat(ids(customers.search(store.id(), "SHOP.TEST", ALL))).containsExactly(bob.id());
        assertThat(ids(customers.search(store.id(), "98765", ALL))).containsExactly(bob.id());
        assertThat(ids(customers.search(store.id(), "+1415", ALL))).containsExactly(alice.id());
        assertThat(ids(customers.search(store.id(), "sMiT", ALL))).containsExactly(alice.id());
        assertThat(ids(customers.search(store.id(), "o'bRIEN", ALL))).containsExactly(bob.id());
        assertThat(ids(customers.search(store.id(), "cAROL", ALL))).containsExactly(carol.id());
        assertThat(ids(customers.search(store.id(), "  jones  ", ALL))).containsExactly(carol.id());
        assertThat(ids(customers.search(store.id(), "EXAMPLE", ALL))).containsExactly(carol.id(), alice.id());
        assertThat(customers.search(store.id(), "elsewhere", ALL).total()).isZero();
        assertThat(customers.search(store.id(), "zzz", ALL).items()).isEmpty();
    }

    @Test
    void whenTheQueryHasLikeWildcardsOrTheEscapeCharacterThenTheyAreMatchedLiterally() {
        Store store = newStore();
        Instant start = now();
        Customer percent = register(store, "sale100%@example.com", null, "Per", "Cent", start);
        Customer underscore = register(store, "first_last@example.com", null, "Under", "Score", start.plusSeconds(1));
        Customer backslash =
                register(store, "plain100x@example.com", null, "Back\\slash", "Name", start.plusSeconds(2));
        register(store, "firstxlast@example.com", null, "Plain", "Person", start.plusSeconds(3));

        assertThat(ids(customers.search(store.id(), "%", ALL))).containsExactly(percent.id());
        assertThat(ids(customers.search(store.id(), "0%", ALL))).containsExactly(percent.id());
        assertThat(ids(customers.search(store.id(), "_", ALL))).containsExactly(underscore.id());
        assertThat(ids(customers.search(store.id(), "first_last", ALL))).containsExactly(underscore.id());
        assertThat(ids(customers.search(store.id(), "k\\s", ALL))).containsExactly(backslash.id());
        assertThat(ids(customers.search(store.id(), "\\", ALL))).containsExactly(backslash.id());
        assertThat(customers.search(store.id(), "\\%", ALL).total()).isZero();
    }

    @Test
    void whenPostgresqlSearchesAManyCustomerStoreThroughTheTrigramIndexThenTheMatchesAreTheSame() {
        assumeTrue(target == TestDatabase.POSTGRESQL, "the trigram index exists on PostgreSQL only");
        Store store = newStore();
        Store other = newStore();
        Instant start = now();
        Customer katherine =
                register(store, "katherine.zeta@example.com", "+14155557788", "Katherine", "Zeta-Jones", start);
        Customer percent = register(store, "sale100%@example.com", null, "Per", "Cent", start.plusSeconds(1));
        register(store, "sale1000@example.com", null, "Not", "Percent", start.plusSeconds(2));
        Customer underscore = register(store, "first_last@example.com", null, "Under", "Score", start.plusSeconds(3));
        register(store, "firstxlast@example.com", null, "Plain", "Person", start.plusSeconds(4));
        Customer foreign = register(
                other, "katherine.zeta@example.com", "+14155557788", "Katherine", "Zeta-Jones", start.plusSeconds(5));
        // many customers that none of the searches but the last match
        sql.update(
                "INSERT INTO customers (id, store_id, email, first_name, last_name, email_verified, phone_verified,"
                        + " status, created_at, modified_at) SELECT 'cus_' || substr(md5(? || g), 1, 24), ?,"
                        + " 'bulk' || g || '@filler.test', 'Bulk', 'Filler', TRUE, FALSE, 'ACTIVE', now(), now()"
                        + " FROM generate_series(1, 20000) g",
                store.id().value(),
                store.id().value());
        sql.update("ANALYZE customers");

        transactions.required(() -> {
            // the test's store is too small for the planner to prefer the index, as it does for a big one: reading
            // the store is made to look dearer (a scan, or the LIKE of every row of the store's other indexes)
            sql.update("SET LOCAL enable_seqscan = off");
            sql.update("SET LOCAL cpu_operator_cost = 0.25");
            assertThat(plan(store, "%erine.z%")).contains("Bitmap Index Scan on ix_customers_search_trgm");
            assertThat(ids(customers.search(store.id(), "ERINE.Z", ALL))).containsExactly(katherine.id());
            assertThat(ids(customers.search(store.id(), "555778", ALL))).containsExactly(katherine.id());
            assertThat(ids(customers.search(store.id(), "kAThErInE", ALL))).containsExactly(katherine.id());
            assertThat(ids(customers.search(store.id(), "zeta-JONES", ALL))).containsExactly(katherine.id());
            assertThat(ids(customers.search(store.id(), "sale100%", ALL))).containsExactly(percent.id());
            assertThat(ids(customers.search(store.id(), "first_last", ALL))).containsExactly(underscore.id());
            // shorter than a trigram: the same answers
            assertThat(ids(customers.search(store.id(), "0%", ALL))).containsExactly(percent.id());
            assertThat(ids(customers.search(store.id(), "_", ALL))).containsExactly(underscore.id());
            assertThat(customers.search(store.id(), "nobody-at-all", ALL).total())
                    .isZero();
            assertThat(customers
                            .search(store.id(), "bulk1", new PageRequest(1, 5))
                            .total())
                    .isEqualTo(11_111);
            assertThat(ids(customers.search(other.id(), "ERINE.Z", ALL))).containsExactly(foreign.id());
            return null;
        });
    }

    @Test
    void whenPostgresqlExportsTheMatchesOfAQueryThenTheirStatementIsPlannedForThatQuery() {
        assumeTrue(target == TestDatabase.POSTGRESQL, "plan_cache_mode is PostgreSQL's");
        Store store = newStore();
        Customer katherine = register(store, "katherine.zeta@example.com", null, "Katherine", "Zeta", now());
        List<String> modes = new ArrayList<>();
        List<Customer> streamed = new ArrayList<>();

        transactions.required(() -> customers.each(store.id(), "erine.z", customer -> {
            streamed.add(customer);
            modes.add(sql.one("SHOW plan_cache_mode", (ResultSet row) -> row.getString(1))
                    .orElseThrow());
        }));

        assertThat(streamed).extracting(Customer::id).containsExactly(katherine.id());
        assertThat(modes)
                .as("a generic plan, made once for any pattern, reads every customer of the store")
                .containsExactly("force_custom_plan");
    }

    /** PostgreSQL's plan for the search's gathering of {@code pattern} in the store. */
    private static String plan(Store store, String pattern) {
        return String.join(
                "\n",
                sql.list(
                        "EXPLAIN " + JpaCustomerRepository.SEARCH_FEW.replaceAll("\\?\\d", "?"),
                        (ResultSet row) -> row.getString(1),
                        store.id().value(),
                        pattern,
                        pattern,
                        pattern,
                        pattern));
    }

    @Test
    void whenTheQueryIsNullOrBlankThenEveryCustomerOfTheStoreComesNewestFirst() {
        Store store = newStore();
        Store other = newStore();
        Instant start = now();
        Customer oldest = register(store, "a@example.com", null, "A", null, start);
        Customer middle = register(store, "b@example.com", null, "B", null, start.plusSeconds(60));
        Customer newest = register(store, "c@example.com", null, "C", null, start.plusSeconds(120));
        register(other, "d@example.com", null, "D", null, start.plusSeconds(180));

        Page<Customer> all = customers.search(store.id(), null, ALL);

        assertThat(ids(all)).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(all.total()).isEqualTo(3);
        assertThat(ids(customers.search(store.id(), "", ALL))).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(ids(customers.search(store.id(), "   ", ALL)))
                .containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void whenSearchResultsArePagedThenEachPageHasItsSliceAndTheFullTotal() {
        Store store = newStore();
        Instant start = now();
        Customer[] made = new Customer[5];
        for (int i = 0; i < made.length; i++) {
            made[i] = register(
                    store, "buyer" + i + "@example.com", null, "Buyer", String.valueOf(i), start.plusSeconds(i));
        }
        register(store, "unrelated@elsewhere.test", null, "Not", "Matching", start.plusSeconds(10));

        Page<Customer> first = customers.search(store.id(), "BUYER", new PageRequest(1, 2));
        Page<Customer> second = customers.search(store.id(), "BUYER", new PageRequest(2, 2));
        Page<Customer> third = customers.search(store.id(), "BUYER", new PageRequest(3, 2));
        Page<Customer> beyond = customers.search(store.id(), "BUYER", new PageRequest(4, 2));

        assertThat(ids(first)).containsExactly(made[4].id(), made[3].id());
        assertThat(ids(second)).containsExactly(made[2].id(), made[1].id());
        assertThat(ids(third)).containsExactly(made[0].id());
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, third, beyond))
                .extracting(Page::total)
                .containsOnly(5L);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void whenASearchMatchesMoreThanItSortsItselfThenTheDatabasePagesAndCountsItTheSameWay() {
        Store store = newStore();
        Instant start = now();
        int many = JpaCustomerRepository.FEW + 2;
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            made.add(register(store, "many" + i + "@example.com", null, "Many", null, start.plusSeconds(i)));
        }
        register(store, "other@example.com", null, "Other", null, start.plusSeconds(many));

        Page<Customer> broad = customers.search(store.id(), "MANY", new PageRequest(1, 3));
        Page<Customer> broadLast = customers.search(store.id(), "many", new PageRequest(many / 4 + 1, 4));
        // many1, many10–19, many100–199, many1000 and many1001: few enough to be sorted from one pass
        Page<Customer> narrow = customers.search(store.id(), "many1", new PageRequest(1, 3));
        Page<Customer> narrowLast = customers.search(store.id(), "many1", new PageRequest(38, 3));

        assertThat(broad.total()).isEqualTo(many);
        assertThat(ids(broad))
                .containsExactly(
                        made.get(many - 1).id(),
                        made.get(many - 2).id(),
                        made.get(many - 3).id());
        assertThat(broadLast.total()).isEqualTo(many);
        assertThat(ids(broadLast)).containsExactly(made.get(1).id(), made.get(0).id());
        assertThat(narrow.total()).isEqualTo(113);
        assertThat(ids(narrow))
                .containsExactly(
                        made.get(1001).id(), made.get(1000).id(), made.get(199).id());
        assertThat(narrow.items().get(0)).usingRecursiveComparison().isEqualTo(made.get(1001));
        assertThat(narrowLast.total()).isEqualTo(113);
        assertThat(ids(narrowLast))
                .containsExactly(made.get(10).id(), made.get(1).id());
    }

    @Test
    void whenACustomerIsDeletedThenItIsGoneAndItsEmailAndPhoneCanRegisterAgain() {
        Store store = newStore();
        Customer customer = register(store, "erase@example.com", "+14155550101");

        customers.delete(store.id(), customer.id());

        assertThat(customers.find(store.id(), customer.id())).isEmpty();
        assertThat(customers.findByEmail(store.id(), email("erase@example.com")))
                .isEmpty();
        assertThat(customers.findByPhone(store.id(), new PhoneNumber("+14155550101")))
                .isEmpty();
        Customer again = customer(store, "erase@example.com", "+14155550101", null, null, now());
        assertThat(customers.insert(again)).isTrue();
        assertThat(customers.findByEmail(store.id(), email("erase@example.com")))
                .map(Customer::id)
                .contains(again.id());
    }

    @Test
    void whenAnotherStoreDeletesACustomerThenItStays() {
        Store owner = newStore();
        Store intruder = newStore();
        Customer customer = register(owner, "stay@example.com", null);

        customers.delete(intruder.id(), customer.id());

        assertThat(customers.find(owner.id(), customer.id())).isPresent();
    }

    @Test
    void whenTheStoreDoesNotExistThenInsertFailsOnTheForeignKey() {
        Customer orphan = new Customer(
                CustomerId.generate(),
                StoreId.generate(),
                email("orphan@example.com"),
                null,
                null,
                null,
                null,
                false,
                false,
                CustomerStatus.ACTIVE,
                now(),
                now());

        assertThatThrownBy(() -> customers.insert(orphan))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isFalse());
    }

    @Test
    void whenACustomerIsReadChangedAndReadAgainInOneTransactionThenTheSecondReadSeesTheChange() {
        Store store = newStore();
        Customer customer = register(store, "reread@example.com", "+14155550101", "Before", null, now());
        Instant later = now().plusSeconds(5);

        Customer[] reads = transactions.required(() -> {
            Customer first = customers.find(store.id(), customer.id()).orElseThrow();
            first.replaceEmail(email("moved@example.com"), later);
            customers.updateUnlessTaken(first);
            Customer second = customers
                    .findByPhone(store.id(), new PhoneNumber("+14155550101"))
                    .orElseThrow();
            second.rename("After", null, true, false, later);
            customers.update(second);
            return new Customer[] {
                second, customers.find(store.id(), customer.id()).orElseThrow()
            };
        });

        assertThat(reads[0].email()).isEqualTo(email("moved@example.com"));
        assertThat(reads[1].firstName()).isEqualTo("After");
        assertThat(reads[1]).usingRecursiveComparison().isEqualTo(reads[0]);
    }

    @Test
    void whenInstantsHaveMicrosecondsThenTheyRoundTripExactlyAndAreStoredInUtc() {
        Store store = newStore();
        Instant created = Instant.parse("2026-03-29T01:30:00.123456Z");
        Customer customer = register(store, "micro@example.com", null, "Micro", null, created);
        Instant modified = created.plusNanos(1_000);
        customer.rename("Micros", null, false, false, modified);
        customers.update(customer);

        assertThat(customers.find(store.id(), customer.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(customer);
        assertThat(sql.one(
                        "SELECT modified_at FROM customers WHERE id = ?",
                        row -> Sql.instant(row, "modified_at"),
                        customer.id().value()))
                .contains(modified);
    }

    @Test
    void whenCustomersShareTheirCreationInstantThenPagesOrderThemByIdWithoutGapsOrRepeats() {
        Store store = newStore();
        Instant same = now();
        List<CustomerId> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(register(store, "tie" + i + "@example.com", null, "Tie", null, same)
                    .id());
        }
        List<CustomerId> byId =
                made.stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();

        List<CustomerId> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            paged.addAll(ids(customers.search(store.id(), "tie", new PageRequest(page, 3))));
        }
        List<Customer> streamed = new ArrayList<>();
        customers.each(store.id(), "TIE", streamed::add);

        assertThat(paged).containsExactlyElementsOf(byId);
        assertThat(streamed).extracting(Customer::id).containsExactlyElementsOf(byId);
    }

    @Test
    void whenMoreCustomersThanOneFetchAreStreamedThenEachComesOnceNewestFirst() {
        Store store = newStore();
        Instant start = now();
        int count = 520;
        transactions.required(() -> {
            for (int i = 0; i < count; i++) {
                register(store, "many" + i + "@example.com", null, null, null, start.plusMillis(i));
            }
        });

        List<Customer> streamed = new ArrayList<>();
        transactions.required(() -> customers.each(store.id(), null, streamed::add));

        assertThat(streamed).hasSize(count);
        assertThat(streamed).extracting(Customer::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(streamed.get(0).email()).isEqualTo(email("many" + (count - 1) + "@example.com"));
    }

    @Test
    void whenLikeCharactersAreEscapedThenEachGetsOneBackslash() {
        assertThat(JpaCustomerRepository.escapeLike("a%b_c\\d")).isEqualTo("a\\%b\\_c\\\\d");
        assertThat(JpaCustomerRepository.escapeLike("plain")).isEqualTo("plain");
    }
}
