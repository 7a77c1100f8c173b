package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.store.LoginPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * The lockout arithmetic: after {@code lockout_threshold} consecutive failures an identifier is locked
 * for {@code lockout_base_seconds}, doubling with every further failure up to
 * {@code lockout_max_seconds}. A success resets the count (done by the caller).
 */
public final class LoginLockout {

    private LoginLockout() {
    }

    /** How long to lock after the given number of consecutive failures; zero below the threshold. */
    public static Duration lockFor(long consecutiveFailures, LoginPolicy policy) {
        long threshold = policy.number("lockout_threshold");
        if (consecutiveFailures < threshold) {
            return Duration.ZERO;
        }
        long base = policy.number("lockout_base_seconds");
        long max = policy.number("lockout_max_seconds");
        long seconds = base;
        for (long extra = consecutiveFailures - threshold; extra > 0 && seconds < max; extra--) {
            seconds *= 2;
        }
        return Duration.ofSeconds(Math.min(seconds, max));
    }

    /** Whole seconds until {@code until}, at least 1, for {@code Retry-After}. */
    public static long retryAfterSeconds(Instant until, Instant now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
