package com.storefrontauth.api.delivery;

import com.storefrontauth.domain.otp.OtpChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channels have an open circuit breaker on this instance, and until when. MicroProfile Fault
 * Tolerance has no API to read a breaker's state, so the senders report what they see: a call refused
 * with CircuitBreakerOpenException opens the channel here for the breaker's delay, a delivery closes it.
 */
@ApplicationScoped
public class ChannelOutages {

    private final Map<OtpChannel, Instant> openUntil = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void opened(OtpChannel channel) {
        openUntil.put(channel, clock.instant().plusMillis(Senders.BREAKER_DELAY_MS));
    }

    void closed(OtpChannel channel) {
        openUntil.remove(channel);
    }

    public Optional<Duration> outage(OtpChannel channel) {
        Instant until = openUntil.get(channel);
        Instant now = clock.instant();
        if (until == null || !now.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }
}
