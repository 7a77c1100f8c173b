package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;

/**
 * Consecutive sign-in failures per (store, identifier). Kept in the database so that every instance
 * of a cluster sees the same count; the identifier is stored only as a hash.
 */
public interface LoginFailureRepository {

    /**
     * The identifier's count, read under a lock on its row that the current transaction holds until it
     * ends (the row is created empty, dated {@code now}, when there is none): attempts on one identifier,
     * from any thread or instance, are reserved one after another.
     */
    FailureCount lock(StoreId store, TokenHash identifier, Instant now);

    /** Writes the count of a row this transaction has {@link #lock locked}. */
    void save(StoreId store, TokenHash identifier, FailureCount count);

    void clear(StoreId store, TokenHash identifier);
}
