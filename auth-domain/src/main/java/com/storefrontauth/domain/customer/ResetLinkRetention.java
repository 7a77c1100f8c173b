package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.BoundedDeletes;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets password-reset links a day after they expired, used or not (a used one is refused like an expired
 * one, and a link lives 30 minutes); a live link is never touched.
 */
@ApplicationScoped
public class ResetLinkRetention {

    static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    /** Links deleted per transaction. */
    static final int BATCH = 1000;

    @Inject
    ResetLinkRepository links;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    protected ResetLinkRetention() {
        // for CDI
    }

    public ResetLinkRetention(ResetLinkRepository links, Transactions transactions, Clock clock) {
        this.links = links;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How many links were forgotten. */
    public int prune() {
        Instant before = clock.instant().minus(KEEP_EXPIRED);
        return new BoundedDeletes(transactions, BATCH).deleteAll(limit -> links.deleteExpired(before, limit));
    }
}
