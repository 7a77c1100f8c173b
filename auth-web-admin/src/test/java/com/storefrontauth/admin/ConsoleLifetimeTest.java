package com.storefrontauth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleLifetimeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void whenEightHoursHavePassedSinceSignInThenTheSessionHasEndedHoweverBusy() {
        assertThat(lifetimeAt(SIGNED_IN.plus(Duration.ofHours(8)).minusSeconds(1))
                        .hasEnded(SIGNED_IN))
                .isFalse();
        assertThat(lifetimeAt(SIGNED_IN.plus(Duration.ofHours(8))).hasEnded(SIGNED_IN))
                .isTrue();
        assertThat(lifetimeAt(SIGNED_IN.plus(Duration.ofDays(3))).hasEnded(SIGNED_IN))
                .isTrue();
    }

    @Test
    void whenTheLifetimeIsConfiguredThenItIsTheLimit() {
        Clock clock = Clock.fixed(SIGNED_IN.plusSeconds(60), ZoneOffset.UTC);
        assertThat(new ConsoleLifetime(60, clock).hasEnded(SIGNED_IN)).isTrue();
        assertThat(new ConsoleLifetime(61, clock).hasEnded(SIGNED_IN)).isFalse();
    }

    private static ConsoleLifetime lifetimeAt(Instant now) {
        return new ConsoleLifetime(28_800, Clock.fixed(now, ZoneOffset.UTC));
    }
}
