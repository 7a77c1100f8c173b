package com.storefrontauth.api.throttle;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.storefrontauth.domain.throttle.RateDecision;
import com.storefrontauth.domain.throttle.RateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One-minute windows kept in the cluster's data grid, so every instance counts into the same window
 * (Bucket4j's compare-and-swap proxy manager over a Hazelcast map: plain byte arrays travel, no code).
 * The map keeps one backup on another member, so losing a member loses at most its in-flight counts.
 * A window untouched for {@link #IDLE} is full again and is dropped by the grid, which bounds memory.
 * While the grid cannot answer (a member lost mid-operation, the grid shutting down) the request is
 * judged by this instance's own windows instead: still limited, never failed.
 */
public class GridRateLimiter implements RateLimiter {

    static final String MAP = "storefront-auth-rate-windows";
    static final Duration IDLE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(GridRateLimiter.class.getName());

    private final ProxyManager<String> windows;
    private final RateLimiter fallback;

    public GridRateLimiter(HazelcastInstance grid, RateLimiter fallback) {
        this(grid, fallback, TimeMeter.SYSTEM_MILLISECONDS);
    }

    GridRateLimiter(HazelcastInstance grid, RateLimiter fallback, TimeMeter clock) {
        this.fallback = fallback;
        // every member adds the same definition before first use; an identical one is accepted again
        grid.getConfig().addMapConfig(new MapConfig(MAP).setBackupCount(1).setMaxIdleSeconds((int) IDLE.toSeconds()));
        // the members' wall clocks, not their uptimes, so that all of them agree on when a window ends
        this.windows = Bucket4jHazelcast.casBasedBuilder(grid.<String, byte[]>getMap(MAP))
                .clientClock(clock)
                .build();
    }

    @Override
    public RateDecision consume(String key, long limitPerMinute) {
        try {
            return consumeShared(key, limitPerMinute);
        } catch (HazelcastException | HazelcastInstanceNotActiveException e) {
            LOG.warning(() -> "Data grid unavailable for the rate windows (" + e + "); judged by this instance's own");
            return fallback.consume(key, limitPerMinute);
        }
    }

    private RateDecision consumeShared(String key, long limitPerMinute) {
        BucketConfiguration window = BucketConfiguration.builder()
                .addLimit(
                        limit -> limit.capacity(limitPerMinute).refillIntervally(limitPerMinute, Duration.ofMinutes(1)))
                .build();
        ConsumptionProbe probe =
                windows.getProxy(key + "|" + limitPerMinute, () -> window).tryConsumeAndReturnRemaining(1);
        long resetNanos = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new RateDecision(
                probe.isConsumed(),
                limitPerMinute,
                probe.getRemainingTokens(),
                Math.max(1, TimeUnit.NANOSECONDS.toSeconds(resetNanos + 999_999_999L)));
    }
}
