package com.storefrontauth.api.throttle;

import com.storefrontauth.domain.throttle.RateDecision;
import com.storefrontauth.domain.throttle.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * One-minute windows in this process's memory (Bucket4j, refilled whole at the end of each window).
 * Per instance: behind N instances a client gets up to N windows, until the counters move to the
 * cluster's data grid behind the same port. Idle keys are swept so a flood of addresses cannot grow
 * the map without bound.
 */
@ApplicationScoped
public class LocalRateLimiter implements RateLimiter {

    static final int SWEEP_ABOVE = 50_000;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public RateDecision consume(String key, long limitPerMinute) {
        Window window = windows.computeIfAbsent(key + "|" + limitPerMinute, k -> new Window(limitPerMinute));
        ConsumptionProbe probe = window.bucket.tryConsumeAndReturnRemaining(1);
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(Window::isIdle);
        }
        long resetNanos = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new RateDecision(probe.isConsumed(), limitPerMinute, probe.getRemainingTokens(), toSeconds(resetNanos));
    }

    private static long toSeconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    private static final class Window {
        private final long limit;
        private final Bucket bucket;

        Window(long limit) {
            this.limit = limit;
            this.bucket = Bucket.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, Duration.ofMinutes(1)))
                    .build();
        }

        boolean isIdle() {
            return bucket.getAvailableTokens() >= limit;
        }
    }
}
