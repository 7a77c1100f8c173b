package com.storefrontauth.domain.shared;

import java.time.Duration;
import java.time.Instant;

/** {@code Retry-After} (RFC 9110 §10.2.3) for every refusal that ends at a known instant. */
public final class RetryAfter {

    private RetryAfter() {}

    /** Whole seconds from {@code now} until {@code free}, rounded up and at least 1: a 60 s wait answers 60. */
    public static long seconds(Instant now, Instant free) {
        long millis = Duration.between(now, free).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
