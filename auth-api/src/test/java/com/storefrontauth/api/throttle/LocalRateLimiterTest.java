package com.storefrontauth.api.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    private final Clock clock = new Clock();
    private final LocalRateLimiter limiter = new LocalRateLimiter(clock);

    @Test
    void consumeWhenLimitReachedThenRefusedUntilTheMinuteEnds() {
        assertThat(limiter.consume("a", 2).allowed()).isTrue();
        assertThat(limiter.consume("a", 2).allowed()).isTrue();
        assertThat(limiter.consume("a", 2).allowed()).isFalse();
        assertThat(limiter.consume("b", 2).allowed()).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.consume("a", 2).allowed()).isTrue();
    }

    @Test
    void consumeWhenWindowsRanOutThenSweptWithoutAFullScan() {
        for (int i = 0; i < 1000; i++) {
            limiter.consume("client-" + i, 5);
        }
        assertThat(limiter.size()).isEqualTo(1000);
        clock.advance(Duration.ofSeconds(61));
        // each call looks at SWEEP_STEP windows only: the rest of the current pass and one whole pass more
        for (int i = 0; i < 2 * 1001 / LocalRateLimiter.SWEEP_STEP + 1; i++) {
            limiter.consume("fresh", 1_000_000);
        }
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void consumeWhenAFloodOfKeysFillsTheMapThenNewKeysShareOneThrottledWindow() {
        for (int i = 0; i < LocalRateLimiter.MAX_WINDOWS + 5_000; i++) {
            limiter.consume("flood-" + i, 3);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(LocalRateLimiter.MAX_WINDOWS);
        // past the bound the flood's fresh addresses were throttled together, not let through
        assertThat(limiter.consume("yet-another", 3).allowed()).isFalse();
        // a key that had its own window before the flood keeps it
        assertThat(limiter.consume("flood-1", 3).allowed()).isTrue();
    }

    private static final class Clock implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
