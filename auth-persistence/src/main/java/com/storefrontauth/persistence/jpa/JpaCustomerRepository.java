package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerRepository;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.Dialect;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.queries.CursoredStream;

/**
 * A store's customers on JPA. Every statement is scoped by store: an id, email or phone of another store
 * finds nothing. Email and phone are unique per store by constraint ({@code uq_customers_store_email},
 * {@code uq_customers_store_phone}), so of two concurrent registrations with the same email exactly one
 * inserts; emails arrive normalised (lower case) and phones in E.164, so lookups are exact matches.
 * The two writes a unique constraint may refuse without failing the caller's transaction are native SQL.
 */
@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    private static final String INSERT = "INSERT INTO customers (id, store_id, email, phone, first_name, last_name,"
            + " password_hash, email_verified, phone_verified, status, created_at, modified_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE customers SET email = ?, phone = ?, first_name = ?, last_name = ?,"
            + " password_hash = ?, email_verified = ?, phone_verified = ?, status = ?, modified_at = ?"
            + " WHERE store_id = ? AND id = ?";
    /** Matches a search sorts and pages itself; a query matching more is counted and paged by the database. */
    public static final int FEW = 1000;
    /**
     * {@link CustomerEntity#MATCHES} in SQL, at most {@link #FEW} + 1 matches, in no order. On PostgreSQL its
     * {@code LOWER(column) LIKE} terms are those of the trigram index of migration 14 (public: a test explains it).
     */
    public static final String SEARCH_FEW = "SELECT id, created_at FROM customers WHERE store_id = ?1"
            + " AND (LOWER(email) LIKE LOWER(?2) ESCAPE '\\' OR LOWER(phone) LIKE LOWER(?2) ESCAPE '\\'"
            + " OR LOWER(first_name) LIKE LOWER(?2) ESCAPE '\\' OR LOWER(last_name) LIKE LOWER(?2) ESCAPE '\\')"
            + " LIMIT " + (FEW + 1);
    /**
     * PostgreSQL plans a statement the driver has prepared on the server (from its fifth execution on a
     * connection) once for any parameters after five more executions, when that generic plan looks no dearer:
     * for the gathering it reads the trigram index with a pattern it does not know, which for a query shorter
     * than a trigram scans the whole index (1 s instead of 0.15 s for the store, seeded) and for a broad query
     * builds a bitmap of every match instead of stopping at the limit. So the search's plans are made for its
     * pattern, each time.
     */
    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";
    /** Rows read ahead through the export's cursor (PostgreSQL sends them a batch at a time inside a transaction). */
    private static final int STREAM_FETCH_SIZE = 500;

    @Inject
    Jpa jpa;

    @Inject
    Sql sql;

    protected JpaCustomerRepository() {
        // for CDI
    }

    public JpaCustomerRepository(Jpa jpa, Sql sql) {
        this.jpa = jpa;
        this.sql = sql;
    }

    /**
     * Native SQL: on PostgreSQL a failed INSERT would abort the caller's whole transaction, so a taken email
     * or phone is skipped with {@code ON CONFLICT DO NOTHING} (which waits for a concurrent inserter like the
     * plain INSERT does); H2 only undoes the failed statement, so its unique violation is caught. JPA's
     * persist can do neither: its failed flush marks the transaction for rollback.
     */
    @Override
    public boolean insert(Customer customer) {
        return sql.insertUnlessDuplicate(
                INSERT,
                "",
                customer.id().value(),
                customer.store().value(),
                email(customer.email()),
                phone(customer.phone()),
                customer.firstName(),
                customer.lastName(),
                customer.passwordHash(),
                customer.emailVerified(),
                customer.phoneVerified(),
                customer.status(),
                customer.createdAt(),
                customer.modifiedAt());
    }

    /**
     * Writes every mutable field. Taking an email or phone another customer of the store has is refused
     * by the unique constraints ({@link DataAccessException#isUniqueViolation()}).
     */
    @Override
    public void update(Customer customer) {
        int changed = jpa.run(
                "update a customer",
                em -> em.createNamedQuery(CustomerEntity.UPDATE)
                        .setParameter("email", email(customer.email()))
                        .setParameter("phone", phone(customer.phone()))
                        .setParameter("firstName", customer.firstName())
                        .setParameter("lastName", customer.lastName())
                        .setParameter("passwordHash", customer.passwordHash())
                        .setParameter("emailVerified", customer.emailVerified())
                        .setParameter("phoneVerified", customer.phoneVerified())
                        .setParameter("status", customer.status())
                        .setParameter("modifiedAt", Timestamps.utc(customer.modifiedAt()))
                        .setParameter("store", customer.store().value())
                        .setParameter("id", customer.id().value())
                        .executeUpdate());
        if (changed == 0) {
            throw DomainException.notFound("Customer");
        }
    }

    /**
     * {@link #update}, with an email or phone another customer of the store holds answered by false. Native
     * SQL behind a savepoint ({@link Sql#updateUnlessDuplicate}): the refusal leaves the caller's transaction
     * usable on PostgreSQL too, where a failed JPA statement would mark it for rollback. A concurrent
     * transaction taking the same email first is waited for by the unique index and then refuses this one.
     */
    @Override
    public boolean updateUnlessTaken(Customer customer) {
        OptionalInt changed = sql.updateUnlessDuplicate(
                UPDATE,
                email(customer.email()),
                phone(customer.phone()),
                customer.firstName(),
                customer.lastName(),
                customer.passwordHash(),
                customer.emailVerified(),
                customer.phoneVerified(),
                customer.status(),
                customer.modifiedAt(),
                customer.store().value(),
                customer.id().value());
        if (changed.isEmpty()) {
            return false;
        }
        if (changed.getAsInt() == 0) {
            throw DomainException.notFound("Customer");
        }
        return true;
    }

    @Override
    public Optional<Customer> find(StoreId store, CustomerId id) {
        return one("find a customer", CustomerEntity.BY_ID, store, "id", id.value());
    }

    @Override
    public List<Customer> findAll(StoreId store, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jpa.read(
                "find customers",
                em -> em
                        .createNamedQuery(CustomerEntity.BY_IDS, CustomerEntity.class)
                        .setParameter("store", store.value())
                        .setParameter("ids", ids.stream().map(CustomerId::value).toList())
                        .getResultList()
                        .stream()
                        .map(CustomerEntity::toCustomer)
                        .toList());
    }

    @Override
    public Optional<Customer> findByEmail(StoreId store, EmailAddress email) {
        return one("find a customer by email", CustomerEntity.BY_EMAIL, store, "email", email.value());
    }

    @Override
    public Optional<Customer> findByPhone(StoreId store, PhoneNumber phone) {
        return one("find a customer by phone", CustomerEntity.BY_PHONE, store, "phone", phone.e164());
    }

    /**
     * The query is matched literally: {@code %}, {@code _} and {@code \} in it are escaped. The ids and creation
     * times of up to {@link #FEW} + 1 matches are gathered in no order, and when that is all of them their number
     * is the total and the page is sorted from them and read by id. Only a broad query, with more matches, costs a
     * count of its own and a page read along the creation-time index, which its many matches keep short. On
     * PostgreSQL the gathering reads the trigram index of migration 14 when the query has three characters or
     * more and matches few customers; a shorter one (no trigram) or a broad one reads the store until it has
     * enough (parallel). The gathering is native SQL with its LIMIT in the text: JPA's maximum becomes the
     * driver's row limit too, under which PostgreSQL runs no parallel scan. And its plan is made for each query
     * ({@link #CUSTOM_PLANS}).
     */
    @Override
    public Page<Customer> search(StoreId store, String query, PageRequest request) {
        String pattern = pattern(query);
        if (pattern == null) {
            return jpa.read("list customers", em -> counted(em, store, null, request));
        }
        // a transaction: SET LOCAL lasts until its end
        return jpa.run("search customers", em -> {
            planEachQuery(em);
            @SuppressWarnings("unchecked")
            List<Object[]> few = em.createNativeQuery(SEARCH_FEW)
                    .setParameter(1, store.value())
                    .setParameter(2, pattern)
                    .getResultList();
            return few.size() <= FEW ? pageOf(em, store, few, request) : counted(em, store, pattern, request);
        });
    }

    /** The page and the total counted by the database: every customer of the store, or a query's many matches. */
    private static Page<Customer> counted(EntityManager em, StoreId store, String pattern, PageRequest request) {
        long total = matching(em, Long.class, store, pattern, CustomerEntity.COUNT, CustomerEntity.SEARCH_COUNT)
                .getSingleResult();
        List<Customer> items = List.of();
        // the rows are not read when the page starts past the end
        if (total > request.offset()) {
            items = matching(em, CustomerEntity.class, store, pattern, CustomerEntity.LIST, CustomerEntity.SEARCH)
                    .setFirstResult(request.offset())
                    .setMaxResults(request.size())
                    .getResultList()
                    .stream()
                    .map(CustomerEntity::toCustomer)
                    .toList();
        }
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The page of all the matches (id and creation time each), in the listing's order: newest first, then by id. */
    private static Page<Customer> pageOf(EntityManager em, StoreId store, List<Object[]> matches, PageRequest request) {
        List<String> ids = matches.stream()
                .sorted(Comparator.comparing((Object[] match) -> Timestamps.column(match[1]))
                        .reversed()
                        .thenComparing(match -> (String) match[0]))
                .skip(request.offset())
                .limit(request.size())
                .map(match -> (String) match[0])
                .toList();
        Map<String, Customer> found = ids.isEmpty()
                ? Map.of()
                : em.createNamedQuery(CustomerEntity.BY_IDS, CustomerEntity.class)
                        .setParameter("store", store.value())
                        .setParameter("ids", ids)
                        .getResultStream()
                        .map(CustomerEntity::toCustomer)
                        .collect(Collectors.toMap(customer -> customer.id().value(), Function.identity()));
        // a customer deleted since the matches were gathered is left out
        List<Customer> items =
                ids.stream().map(found::get).filter(Objects::nonNull).toList();
        return new Page<>(items, request.page(), request.size(), matches.size());
    }

    /**
     * Through a cursor with a fetch size: inside the caller's transaction PostgreSQL sends the rows a batch
     * at a time, and rows already handed over are released, so a long listing is never held in memory. The
     * matches of a query are planned for that query, as the search's ({@link #CUSTOM_PLANS}).
     */
    @Override
    public void each(StoreId store, String query, Consumer<Customer> each) {
        String pattern = pattern(query);
        jpa.run("list customers", em -> {
            if (pattern != null) {
                planEachQuery(em);
            }
            CursoredStream rows = (CursoredStream)
                    matching(em, Object.class, store, pattern, CustomerEntity.LIST, CustomerEntity.SEARCH)
                            .setHint(QueryHints.CURSOR, HintValues.TRUE)
                            .setHint(QueryHints.JDBC_FETCH_SIZE, STREAM_FETCH_SIZE)
                            .setHint(QueryHints.CURSOR_PAGE_SIZE, STREAM_FETCH_SIZE)
                            .getSingleResult();
            try {
                while (rows.hasNext()) {
                    each.accept(((CustomerEntity) rows.next()).toCustomer());
                    rows.releasePrevious();
                }
            } finally {
                rows.close();
            }
            return null;
        });
    }

    @Override
    public void delete(StoreId store, CustomerId id) {
        jpa.run(
                "delete a customer",
                em -> em.createNamedQuery(CustomerEntity.DELETE)
                        .setParameter("store", store.value())
                        .setParameter("id", id.value())
                        .executeUpdate());
    }

    /** {@link #CUSTOM_PLANS} on PostgreSQL, for the rest of the transaction {@code em} is in (SET LOCAL). */
    private void planEachQuery(EntityManager em) {
        if (sql.dialect() == Dialect.POSTGRESQL) {
            em.createNativeQuery(CUSTOM_PLANS).executeUpdate();
        }
    }

    /** The text with the LIKE wildcards and the escape character itself made literal (escape: {@code \}). */
    public static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private Optional<Customer> one(String action, String queryName, StoreId store, String key, String value) {
        return jpa.read(
                action,
                em -> Jpa.readOnly(em, em.createNamedQuery(queryName, CustomerEntity.class))
                        .setParameter("store", store.value())
                        .setParameter(key, value)
                        .getResultStream()
                        .findFirst()
                        .map(CustomerEntity::toCustomer));
    }

    /** The substring pattern of a query, or null for none (a null or blank query matches every customer). */
    private static String pattern(String query) {
        return query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
    }

    /** The store's customers ({@code all}), or those matching {@code pattern} ({@code some}). */
    private static <T> TypedQuery<T> matching(
            EntityManager em, Class<T> type, StoreId store, String pattern, String all, String some) {
        TypedQuery<T> query =
                em.createNamedQuery(pattern == null ? all : some, type).setParameter("store", store.value());
        return pattern == null ? query : query.setParameter("pattern", pattern);
    }

    private static String email(EmailAddress email) {
        return email == null ? null : email.value();
    }

    private static String phone(PhoneNumber phone) {
        return phone == null ? null : phone.e164();
    }
}
