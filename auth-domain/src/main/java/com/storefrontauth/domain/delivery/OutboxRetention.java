package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.shared.BoundedDeletes;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets outbox messages a week after they were queued, once they are done with (delivered, expired or
 * superseded); the week serves the outbox page and support questions. A pending message is never deleted,
 * however old: it is still owed a delivery attempt or an expiry the drain records.
 */
@ApplicationScoped
public class OutboxRetention {

    static final Duration KEEP = Duration.ofDays(7);
    /** Messages deleted per transaction (rows carry sealed texts). */
    static final int BATCH = 1000;

    @Inject
    OutboxRepository messages;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    protected OutboxRetention() {
        // for CDI
    }

    public OutboxRetention(OutboxRepository messages, Transactions transactions, Clock clock) {
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How many messages were forgotten. */
    public int prune() {
        Instant before = clock.instant().minus(KEEP);
        return new BoundedDeletes(transactions, BATCH).deleteAll(limit -> messages.deleteCreatedBefore(before, limit));
    }
}
