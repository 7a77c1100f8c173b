package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.List;

public interface OutboxRepository {

    void insert(OutboxMessage message);

    /**
     * Leases up to {@code limit} pending messages due at {@code now} to this caller until {@code leaseUntil}:
     * a message leased by one instance is not handed to another before its lease ends.
     */
    List<OutboxMessage> leaseDue(Instant now, Instant leaseUntil, int limit);

    /** Erases the sealed text and code unless the message (as leased) is retained. */
    void markDelivered(OutboxMessage message, String transport, Instant at);

    void reschedule(String id, int attempts, Instant nextAttemptAt, String error);

    /** Erases the sealed text and code unless the message (as leased) is retained. */
    void markExpired(OutboxMessage message, String error);

    /** Pending messages of this challenge stop: a newer code replaces them. */
    int supersedePending(TokenHash challenge);

    /** Newest first. */
    Page<OutboxMessage> page(StoreId store, PageRequest request);

    /**
     * Deletes up to {@code limit} messages, across stores, created before {@code before} that are done with
     * (never a pending one); how many.
     */
    int deleteCreatedBefore(Instant before, int limit);
}
