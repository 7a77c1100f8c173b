package com.storefrontauth.api.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.api.cluster.TwoMemberGrid;
import com.storefrontauth.domain.throttle.RateDecision;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GridRateLimiterTest {

    private static TwoMemberGrid grid;

    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return millis.get() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };
    private final LocalRateLimiter fallback = new LocalRateLimiter();

    @BeforeAll
    static void startGrid() {
        grid = new TwoMemberGrid();
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void whenTwoInstancesTakeTurnsThenTheyShareOneWindowOfTheLimit() {
        GridRateLimiter one = new GridRateLimiter(grid.first, fallback, clock);
        GridRateLimiter other = new GridRateLimiter(grid.second, fallback, clock);
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            if ((i % 2 == 0 ? one : other).consume("ip:203.0.113.7", 5).allowed()) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(5);
        RateDecision refused = other.consume("ip:203.0.113.7", 5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetSeconds()).isBetween(1L, 60L);
        assertThat(one.consume("ip:198.51.100.1", 5).allowed())
                .as("another address has its own window")
                .isTrue();
    }

    @Test
    void whenTheMinuteEndsThenTheSharedWindowIsFullAgainOnEveryInstance() {
        GridRateLimiter one = new GridRateLimiter(grid.first, fallback, clock);
        GridRateLimiter other = new GridRateLimiter(grid.second, fallback, clock);
        assertThat(one.consume("ip:192.0.2.1", 1).allowed()).isTrue();
        assertThat(other.consume("ip:192.0.2.1", 1).allowed()).isFalse();
        millis.addAndGet(Duration.ofSeconds(61).toMillis());
        assertThat(other.consume("ip:192.0.2.1", 1).allowed()).isTrue();
        assertThat(one.consume("ip:192.0.2.1", 1).allowed()).isFalse();
    }

    @Test
    void whenAMemberDiesThenTheOtherStillHoldsTheCountsOfTheWindow() {
        try (TwoMemberGrid pair = new TwoMemberGrid()) {
            GridRateLimiter dying = new GridRateLimiter(pair.first, fallback, clock);
            GridRateLimiter surviving = new GridRateLimiter(pair.second, fallback, clock);
            for (int i = 0; i < 20; i++) {
                assertThat(dying.consume("ip:203.0.113." + i, 3).allowed()).isTrue();
                assertThat(dying.consume("ip:203.0.113." + i, 3).allowed()).isTrue();
            }
            pair.first.getLifecycleService().terminate();
            for (int i = 0; i < 20; i++) {
                assertThat(surviving.consume("ip:203.0.113." + i, 3).remaining())
                        .as("window " + i)
                        .isZero();
                assertThat(surviving.consume("ip:203.0.113." + i, 3).allowed())
                        .as("window " + i)
                        .isFalse();
            }
        }
    }

    @Test
    void whenTheGridIsGoneThenThisInstanceStillLimitsWithItsOwnWindows() {
        try (TwoMemberGrid pair = new TwoMemberGrid()) {
            GridRateLimiter limiter = new GridRateLimiter(pair.first, fallback, clock);
            pair.first.getLifecycleService().terminate();
            assertThat(limiter.consume("ip:192.0.2.99", 1).allowed()).isTrue();
            assertThat(limiter.consume("ip:192.0.2.99", 1).allowed()).isFalse();
        }
    }
}
