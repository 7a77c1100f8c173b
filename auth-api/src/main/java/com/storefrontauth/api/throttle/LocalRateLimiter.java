package com.storefrontauth.api.throttle;

import com.storefrontauth.domain.throttle.RateDecision;
import com.storefrontauth.domain.throttle.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One-minute windows in this process's memory (Bucket4j, refilled whole at the end of each window).
 * Per instance: used alone, and as the fallback of {@link GridRateLimiter} (see {@link RateLimiterChoice}).
 *
 * <p>Memory stays bounded at {@value #MAX_WINDOWS} windows (a few hundred bytes each) with constant work
 * per request: every call checks the next {@value #SWEEP_STEP} windows of a round-robin pass and drops
 * those whose minute has run out, so a window outlives its last use by at most a pass. When a flood of
 * fresh addresses fills the map, new keys share one overflow window per limit until space returns:
 * they are throttled together, never let through unlimited.
 */
@ApplicationScoped
@Typed(LocalRateLimiter.class)
public class LocalRateLimiter implements RateLimiter {

    static final int MAX_WINDOWS = 100_000;
    static final int SWEEP_STEP = 4;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Window> overflow = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private final TimeMeter clock;
    private Iterator<Map.Entry<String, Window>> pass = Collections.emptyIterator();

    public LocalRateLimiter() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    LocalRateLimiter(TimeMeter clock) {
        this.clock = clock;
    }

    @Override
    public RateDecision consume(String key, long limitPerMinute) {
        sweep();
        ConsumptionProbe probe =
                window(key + "|" + limitPerMinute, limitPerMinute).bucket.tryConsumeAndReturnRemaining(1);
        long resetNanos = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new RateDecision(probe.isConsumed(), limitPerMinute, probe.getRemainingTokens(), toSeconds(resetNanos));
    }

    /** How many keys have a window of their own (for tests). */
    int size() {
        return windows.size();
    }

    private Window window(String key, long limit) {
        Window window = windows.get(key);
        if (window != null) {
            return window;
        }
        if (windows.size() >= MAX_WINDOWS) {
            return overflow.computeIfAbsent(limit, l -> new Window(limit, clock));
        }
        return windows.computeIfAbsent(key, k -> new Window(limit, clock));
    }

    /** A few steps of the round-robin pass; skipped when another request is already sweeping. */
    private void sweep() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            for (int i = 0; i < SWEEP_STEP; i++) {
                if (!pass.hasNext()) {
                    pass = windows.entrySet().iterator();
                    if (!pass.hasNext()) {
                        return;
                    }
                }
                Map.Entry<String, Window> entry = pass.next();
                if (entry.getValue().isIdle()) {
                    windows.remove(entry.getKey(), entry.getValue());
                }
            }
        } finally {
            sweeping.unlock();
        }
    }

    private static long toSeconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    private static final class Window {
        private final long limit;
        private final Bucket bucket;

        Window(long limit, TimeMeter clock) {
            this.limit = limit;
            this.bucket = Bucket.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(clock)
                    .build();
        }

        /** Full again: its minute ran out since the last use, so dropping it forgets nothing. */
        boolean isIdle() {
            return bucket.getAvailableTokens() >= limit;
        }
    }
}
