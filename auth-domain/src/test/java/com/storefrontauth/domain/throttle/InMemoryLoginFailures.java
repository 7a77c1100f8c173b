package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Failure counts in memory, per scope and key, and a {@link LoginThrottle} over them, for domain tests. */
public class InMemoryLoginFailures implements LoginFailureRepository {

    private record Row(StoreId scope, TokenHash identifier) {}

    private final Map<Row, FailureCount> rows = new ConcurrentHashMap<>();

    public LoginThrottle throttle(Clock clock, AuditLog audit) {
        LoginThrottle built = new LoginThrottle();
        built.clock = clock;
        built.transactions = new DirectTransactions();
        built.audit = audit;
        built.failures = this;
        return built;
    }

    /** How many attempts are counted against the key in any scope. */
    public long failures(LockoutKey key) {
        return rows.entrySet().stream()
                .filter(row -> row.getKey().identifier().equals(key.hash()))
                .mapToLong(row -> row.getValue().failures())
                .sum();
    }

    @Override
    public FailureCount lock(StoreId scope, TokenHash identifier, Instant now) {
        return rows.getOrDefault(new Row(scope, identifier), new FailureCount(0, now, null));
    }

    @Override
    public void save(StoreId scope, TokenHash identifier, FailureCount count) {
        rows.put(new Row(scope, identifier), count);
    }

    @Override
    public void clear(StoreId scope, TokenHash identifier) {
        rows.remove(new Row(scope, identifier));
    }
}
