package com.storefrontauth.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void secondsWhenTheWaitIsWholeSecondsThenExactlyThoseSeconds() {
        assertThat(RetryAfter.seconds(NOW, NOW.plusSeconds(60))).isEqualTo(60);
        assertThat(RetryAfter.seconds(NOW, NOW.plusSeconds(3600))).isEqualTo(3600);
    }

    @Test
    void secondsWhenTheWaitHasAFractionThenRoundsUp() {
        assertThat(RetryAfter.seconds(NOW, NOW.plusMillis(59_001))).isEqualTo(60);
        assertThat(RetryAfter.seconds(NOW, NOW.plusMillis(100))).isEqualTo(1);
    }

    @Test
    void secondsWhenTheWaitIsOverOrNoneThenAtLeastOne() {
        assertThat(RetryAfter.seconds(NOW, NOW)).isEqualTo(1);
        assertThat(RetryAfter.seconds(NOW, NOW.minusSeconds(5))).isEqualTo(1);
    }
}
