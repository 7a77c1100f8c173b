package com.storefrontauth.domain.throttle;

import java.time.Instant;

/**
 * An identifier's consecutive failed attempts: how many, when the last was counted, and until when it is
 * locked ({@code null} when it is not).
 */
public record FailureCount(long failures, Instant lastAttemptAt, Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
