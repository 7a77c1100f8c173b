package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.LoginFailureRepository;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Consecutive sign-in failures per (store, identifier hash), shared by every instance through the
 * database. A failure is counted with a single atomic increment of the row, never a read followed by a
 * write, so failures recorded at the same moment by different threads or instances all count.
 */
@ApplicationScoped
public class JdbcLoginFailureRepository implements LoginFailureRepository {

    private static final String KEY = " WHERE store_id = ? AND identifier_hash = ?";
    private static final String INCREMENT =
            "UPDATE login_failures SET failures = failures + 1, last_failure_at = ?" + KEY;
    private static final String FIRST = "INSERT INTO login_failures"
            + " (store_id, identifier_hash, failures, last_failure_at, locked_until) VALUES (?, ?, 1, ?, NULL)";

    @Inject
    Sql sql;

    @Inject
    JdbcTransactions transactions;

    protected JdbcLoginFailureRepository() {
        // for CDI
    }

    JdbcLoginFailureRepository(Sql sql, JdbcTransactions transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    /**
     * Increments the row, creating it on the first failure, then reads the count back in the same
     * transaction, which holds the row's lock by then: the answer is this failure's own count. PostgreSQL
     * does it in one upsert ({@code ON CONFLICT DO UPDATE} is atomic, and a failed INSERT would abort the
     * transaction). H2 updates first; when there is no row yet it inserts one, and when a concurrent
     * transaction inserted it first (unique violation, which H2 undoes alone) it increments that row.
     */
    @Override
    public long recordFailure(StoreId store, TokenHash identifier, Instant now) {
        return transactions.required(() -> {
            if (sql.dialect() == Dialect.POSTGRESQL) {
                sql.update(FIRST + " ON CONFLICT (store_id, identifier_hash) DO UPDATE"
                        + " SET failures = login_failures.failures + 1, last_failure_at = EXCLUDED.last_failure_at",
                        store.value(), identifier.hex(), now);
            } else if (sql.update(INCREMENT, now, store.value(), identifier.hex()) == 0) {
                try {
                    sql.update(FIRST, store.value(), identifier.hex(), now);
                } catch (DataAccessException e) {
                    if (!e.isUniqueViolation()) {
                        throw e;
                    }
                    sql.update(INCREMENT, now, store.value(), identifier.hex());
                }
            }
            return sql.count("SELECT failures FROM login_failures" + KEY, store.value(), identifier.hex());
        });
    }

    /** Sets the lock on the identifier's failure row; without one (a success cleared it) there is nothing to lock. */
    @Override
    public void lockUntil(StoreId store, TokenHash identifier, Instant until) {
        sql.update("UPDATE login_failures SET locked_until = ?" + KEY, until, store.value(), identifier.hex());
    }

    @Override
    public Optional<Instant> lockedUntil(StoreId store, TokenHash identifier) {
        return sql.one("SELECT locked_until FROM login_failures" + KEY,
                row -> Optional.ofNullable(Sql.instant(row, "locked_until")), store.value(), identifier.hex())
                .flatMap(until -> until);
    }

    @Override
    public void clear(StoreId store, TokenHash identifier) {
        sql.update("DELETE FROM login_failures" + KEY, store.value(), identifier.hex());
    }
}
