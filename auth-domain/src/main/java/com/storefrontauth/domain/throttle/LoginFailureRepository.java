package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.Optional;

/**
 * Consecutive sign-in failures per (store, identifier). Kept in the database so that every instance
 * of a cluster sees the same count; the identifier is stored only as a hash.
 */
public interface LoginFailureRepository {

    /** Adds one failure atomically and answers the new consecutive count. */
    long recordFailure(StoreId store, TokenHash identifier, Instant now);

    void lockUntil(StoreId store, TokenHash identifier, Instant until);

    Optional<Instant> lockedUntil(StoreId store, TokenHash identifier);

    void clear(StoreId store, TokenHash identifier);
}
