package com.storefrontauth.api.delivery;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.storefrontauth.api.cluster.DataGrid;
import com.storefrontauth.domain.otp.OtpChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Which channels have an open circuit breaker, and until when. MicroProfile Fault Tolerance has no API to
 * read a breaker's state, so the senders report what they see: a call refused with
 * CircuitBreakerOpenException opens the channel for the breaker's delay, a delivery closes it. Clustered,
 * the open circuits are also kept in the data grid, so every instance answers as the one whose breaker
 * opened; alone, or while the grid cannot answer, this instance's own view holds.
 */
@ApplicationScoped
public class ChannelOutages {

    static final String MAP = "storefront-auth-channel-outages";

    @Inject
    DataGrid grid;

    private final Map<OtpChannel, Instant> openUntil = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void opened(OtpChannel channel) {
        Instant until = clock.instant().plusMillis(ProviderCalls.BREAKER_DELAY_MS);
        openUntil.put(channel, until);
        shared(map ->
                map.put(channel.name(), until.toEpochMilli(), ProviderCalls.BREAKER_DELAY_MS, TimeUnit.MILLISECONDS));
    }

    void closed(OtpChannel channel) {
        openUntil.remove(channel);
        shared(map -> map.remove(channel.name()));
    }

    public Optional<Duration> outage(OtpChannel channel) {
        Instant until = later(openUntil.get(channel), sharedUntil(channel));
        Instant now = clock.instant();
        if (until == null || !now.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    private Instant sharedUntil(OtpChannel channel) {
        try {
            return grid.instance()
                    .map(instance -> instance.<String, Long>getMap(MAP).get(channel.name()))
                    .map(Instant::ofEpochMilli)
                    .orElse(null);
        } catch (HazelcastException | HazelcastInstanceNotActiveException e) {
            return null;
        }
    }

    private void shared(Consumer<IMap<String, Long>> change) {
        try {
            grid.instance().ifPresent(instance -> change.accept(instance.getMap(MAP)));
        } catch (HazelcastException | HazelcastInstanceNotActiveException e) {
            // this instance's view still holds; the others learn from their own breakers
        }
    }

    private static Instant later(Instant one, Instant other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }
}
