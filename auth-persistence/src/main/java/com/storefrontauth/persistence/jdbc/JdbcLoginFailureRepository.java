package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.FailureCount;
import com.storefrontauth.domain.throttle.LoginFailureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Consecutive sign-in failures per (store, identifier hash), shared by every instance through the
 * database. An attempt is reserved under the row's lock ({@code SELECT … FOR UPDATE}), so attempts made
 * at the same moment by different threads or instances are counted one after another.
 */
@ApplicationScoped
public class JdbcLoginFailureRepository implements LoginFailureRepository {

    private static final String KEY = " WHERE store_id = ? AND identifier_hash = ?";

    @Inject
    Sql sql;

    protected JdbcLoginFailureRepository() {
        // for CDI
    }

    JdbcLoginFailureRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Creates the row unless it exists (a concurrent creator makes this wait for its commit), then reads
     * it with a row lock: every later attempt on the identifier waits here until this transaction ends.
     */
    @Override
    public FailureCount lock(StoreId store, TokenHash identifier, Instant now) {
        sql.insertUnlessDuplicate(
                "INSERT INTO login_failures"
                        + " (store_id, identifier_hash, failures, last_failure_at, locked_until) VALUES (?, ?, 0, ?, NULL)",
                "(store_id, identifier_hash)",
                store.value(),
                identifier.hex(),
                now);
        return sql.one(
                        "SELECT failures, last_failure_at, locked_until FROM login_failures" + KEY + " FOR UPDATE",
                        row -> new FailureCount(
                                row.getLong("failures"),
                                Sql.instant(row, "last_failure_at"),
                                Sql.instant(row, "locked_until")),
                        store.value(),
                        identifier.hex())
                .orElseThrow(() -> new IllegalStateException("the login failure row vanished while locked"));
    }

    @Override
    public void save(StoreId store, TokenHash identifier, FailureCount count) {
        sql.update(
                "UPDATE login_failures SET failures = ?, last_failure_at = ?, locked_until = ?" + KEY,
                count.failures(),
                count.lastAttemptAt(),
                count.lockedUntil(),
                store.value(),
                identifier.hex());
    }

    @Override
    public void clear(StoreId store, TokenHash identifier) {
        sql.update("DELETE FROM login_failures" + KEY, store.value(), identifier.hex());
    }
}
