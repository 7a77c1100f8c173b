package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Forgets what no rule needs any more: challenges a day past expiry, counters older than their windows. */
@ApplicationScoped
public class OtpRetention {

    static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    @Inject
    OtpChallengeRepository challenges;

    @Inject
    OtpActivityRepository activity;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** How many challenges were forgotten. */
    public int prune() {
        Instant now = clock.instant();
        return transactions.required(() -> {
            activity.deleteBefore(now.minus(OtpRules.STORE_BUDGET_WINDOW));
            return challenges.deleteExpired(now.minus(KEEP_EXPIRED));
        });
    }
}
