package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.BoundedDeletes;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets what no rule needs any more: challenges a day past expiry (an unexpired one, open or not, is never
 * touched), and code counters older than the longest window a limit counts over (a day), so the limits still
 * see every row they count. Both in bounded batches, one transaction each.
 */
@ApplicationScoped
public class OtpRetention {

    static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    /** Challenges deleted per transaction. */
    static final int CHALLENGE_BATCH = 1000;
    /** Code counters deleted per transaction (narrow rows). */
    static final int COUNTER_BATCH = 5000;

    @Inject
    OtpChallengeRepository challenges;

    @Inject
    OtpActivityRepository activity;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** How many challenges and code counters were forgotten. */
    public int prune() {
        Instant now = clock.instant();
        Instant countedSince = now.minus(OtpRules.STORE_BUDGET_WINDOW);
        Instant expiredBefore = now.minus(KEEP_EXPIRED);
        int counters = new BoundedDeletes(transactions, COUNTER_BATCH)
                .deleteAll(limit -> activity.deleteBefore(countedSince, limit));
        return counters
                + new BoundedDeletes(transactions, CHALLENGE_BATCH)
                        .deleteAll(limit -> challenges.deleteExpired(expiredBefore, limit));
    }
}
