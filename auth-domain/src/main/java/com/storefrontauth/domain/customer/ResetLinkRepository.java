package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.Optional;

public interface ResetLinkRepository {

    void insert(ResetLink link);

    /**
     * Marks the store's link used if it is unused and unexpired at {@code now}, in one statement, so of two
     * concurrent uses exactly one gets the link; empty for an unknown, another store's, used or expired link.
     */
    Optional<ResetLink> spend(TokenHash id, StoreId store, Instant now);

    /** Deletes up to {@code limit} links, across stores, that expired before {@code before}; how many. */
    int deleteExpired(Instant before, int limit);
}
