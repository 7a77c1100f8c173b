package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerRepository;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A store's customers. Every statement is scoped by store: an id, email or phone of another store finds
 * nothing. Email and phone are unique per store by constraint ({@code uq_customers_store_email},
 * {@code uq_customers_store_phone}), so of two concurrent registrations with the same email exactly one
 * inserts; emails arrive normalised (lower case) and phones in E.164, so lookups are exact matches.
 */
@ApplicationScoped
public class JdbcCustomerRepository implements CustomerRepository {

    private static final String COLUMNS = "id, store_id, email, phone, first_name, last_name, password_hash,"
            + " email_verified, phone_verified, status, created_at, modified_at";
    private static final String INSERT =
            "INSERT INTO customers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE customers SET email = ?, phone = ?, first_name = ?, last_name = ?,"
            + " password_hash = ?, email_verified = ?, phone_verified = ?, status = ?, modified_at = ?"
            + " WHERE store_id = ? AND id = ?";
    private static final String MATCHES = " AND (LOWER(email) LIKE LOWER(?) ESCAPE '\\'"
            + " OR LOWER(phone) LIKE LOWER(?) ESCAPE '\\' OR LOWER(first_name) LIKE LOWER(?) ESCAPE '\\'"
            + " OR LOWER(last_name) LIKE LOWER(?) ESCAPE '\\')";

    @Inject
    Sql sql;

    protected JdbcCustomerRepository() {
        // for CDI
    }

    JdbcCustomerRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * On PostgreSQL a failed INSERT would abort the caller's whole transaction, so a taken email or phone
     * is skipped with {@code ON CONFLICT DO NOTHING} (which waits for a concurrent inserter like the plain
     * INSERT does); H2 only undoes the failed statement, so its unique violation is caught.
     */
    @Override
    public boolean insert(Customer customer) {
        Object[] values = {
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
            customer.modifiedAt()
        };
        return sql.insertUnlessDuplicate(INSERT, "", values);
    }

    /**
     * Writes every mutable field. Taking an email or phone another customer of the store has is refused
     * by the unique constraints ({@link DataAccessException#isUniqueViolation()}).
     */
    @Override
    public void update(Customer customer) {
        if (sql.update(UPDATE, updateValues(customer)) == 0) {
            throw DomainException.notFound("Customer");
        }
    }

    /**
     * {@link #update}, with an email or phone another customer of the store holds answered by false. The
     * statement runs behind a savepoint ({@link Sql#updateUnlessDuplicate}), so the refusal leaves the
     * caller's transaction usable on PostgreSQL too; a concurrent transaction taking the same email first
     * is waited for by the unique index and then refuses this one the same way.
     */
    @Override
    public boolean updateUnlessTaken(Customer customer) {
        OptionalInt changed = sql.updateUnlessDuplicate(UPDATE, updateValues(customer));
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
        return sql.one(
                "SELECT " + COLUMNS + " FROM customers WHERE store_id = ? AND id = ?",
                JdbcCustomerRepository::customer,
                store.value(),
                id.value());
    }

    @Override
    public List<Customer> findAll(StoreId store, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(store.value()));
        ids.forEach(id -> parameters.add(id.value()));
        return sql.list(
                "SELECT " + COLUMNS + " FROM customers WHERE store_id = ? AND id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                JdbcCustomerRepository::customer,
                parameters.toArray());
    }

    @Override
    public Optional<Customer> findByEmail(StoreId store, EmailAddress email) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM customers WHERE store_id = ? AND email = ?",
                JdbcCustomerRepository::customer,
                store.value(),
                email.value());
    }

    @Override
    public Optional<Customer> findByPhone(StoreId store, PhoneNumber phone) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM customers WHERE store_id = ? AND phone = ?",
                JdbcCustomerRepository::customer,
                store.value(),
                phone.e164());
    }

    /** The query is matched literally: {@code %}, {@code _} and {@code \} in it are escaped. */
    @Override
    public Page<Customer> search(StoreId store, String query, PageRequest request) {
        List<Object> parameters = new ArrayList<>();
        String where = matching(store, query, parameters);
        return sql.page(
                COLUMNS,
                "customers" + where,
                "created_at DESC, id",
                JdbcCustomerRepository::customer,
                request,
                parameters);
    }

    @Override
    public void each(StoreId store, String query, Consumer<Customer> each) {
        List<Object> parameters = new ArrayList<>();
        String where = matching(store, query, parameters);
        sql.each(
                "SELECT " + COLUMNS + " FROM customers" + where + " ORDER BY created_at DESC, id",
                JdbcCustomerRepository::customer,
                each,
                parameters.toArray());
    }

    private static String matching(StoreId store, String query, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE store_id = ?");
        parameters.add(store.value());
        if (query != null && !query.isBlank()) {
            String pattern = "%" + escapeLike(query.strip()) + "%";
            where.append(MATCHES);
            parameters.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        return where.toString();
    }

    @Override
    public void delete(StoreId store, CustomerId id) {
        sql.update("DELETE FROM customers WHERE store_id = ? AND id = ?", store.value(), id.value());
    }

    /** The text with the LIKE wildcards and the escape character itself made literal (escape: {@code \}). */
    static String escapeLike(String text) {
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

    private static Object[] updateValues(Customer customer) {
        return new Object[] {
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
            customer.id().value()
        };
    }

    private static String email(EmailAddress email) {
        return email == null ? null : email.value();
    }

    private static String phone(PhoneNumber phone) {
        return phone == null ? null : phone.e164();
    }

    private static Customer customer(ResultSet row) throws SQLException {
        String email = row.getString("email");
        String phone = row.getString("phone");
        return new Customer(
                new CustomerId(row.getString("id")),
                new StoreId(row.getString("store_id")),
                email == null ? null : new EmailAddress(email),
                phone == null ? null : new PhoneNumber(phone),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("password_hash"),
                row.getBoolean("email_verified"),
                row.getBoolean("phone_verified"),
                CustomerStatus.valueOf(row.getString("status")),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "modified_at"));
    }
}
