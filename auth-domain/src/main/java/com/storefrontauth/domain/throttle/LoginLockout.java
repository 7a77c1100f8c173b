package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.store.LoginPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * The lockout arithmetic: after {@code lockout_threshold} consecutive failures an identifier is locked
 * for {@code lockout_base_seconds}, doubling with every further failure up to
 * {@code lockout_max_seconds}. A success resets the count (done by the caller); so does a day without
 * any attempt or lock, so that failures an attacker spreads thinly do not lock the owner out for good.
 */
public final class LoginLockout {

    static final Duration QUIET_PERIOD = Duration.ofDays(1);

    private LoginLockout() {}

    /** How long to lock after the given number of consecutive failures; zero below the threshold. */
    public static Duration lockFor(long consecutiveFailures, LoginPolicy policy) {
        long threshold = policy.lockoutThreshold();
        if (consecutiveFailures < threshold) {
            return Duration.ZERO;
        }
        long base = policy.lockoutBase().toSeconds();
        long max = policy.lockoutMax().toSeconds();
        long seconds = base;
        for (long extra = consecutiveFailures - threshold; extra > 0 && seconds < max; extra--) {
            seconds *= 2;
        }
        return Duration.ofSeconds(Math.min(seconds, max));
    }

    /**
     * The count once one more attempt is reserved, before its password is checked. The attempt counts
     * as a failure until a correct password clears the count, and the lock starts as soon as the count
     * reaches the threshold: attempts made while it is judged find the identifier locked, so no burst of
     * concurrent guesses is judged past the threshold.
     */
    public static FailureCount reserve(FailureCount current, Instant now, LoginPolicy policy) {
        Instant lastActive =
                current.lockedUntil() != null && current.lockedUntil().isAfter(current.lastAttemptAt())
                        ? current.lockedUntil()
                        : current.lastAttemptAt();
        boolean quiet = !now.isBefore(lastActive.plus(QUIET_PERIOD));
        long failures = (quiet ? 0 : current.failures()) + 1;
        Duration lock = lockFor(failures, policy);
        return new FailureCount(failures, now, lock.isZero() ? null : now.plus(lock));
    }
}
