package com.storefrontauth.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuestLinkTest {

    @Test
    void resolvedWhenUsedThenTheGuestIsLookedUpOnlyWhenAskedForAndOnlyOnce() {
        AtomicInteger lookups = new AtomicInteger();
        GuestLink link = GuestLink.resolvedWhenUsed(() -> {
            lookups.incrementAndGet();
            return Optional.of("anon_1");
        });
        assertThat(lookups)
                .as("a refused sign-in never asks, so it never pays for the look-up")
                .hasValue(0);
        assertThat(link.anonymousId()).isEqualTo("anon_1");
        assertThat(link.anonymousId()).isEqualTo("anon_1");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void resolvedWhenUsedWhenNoLiveGuestThenNoAnonymousId() {
        assertThat(GuestLink.resolvedWhenUsed(Optional::empty).anonymousId()).isNull();
        assertThat(GuestLink.NONE.anonymousId()).isNull();
        assertThat(new GuestLink("anon_2")).isEqualTo(GuestLink.resolvedWhenUsed(() -> Optional.of("anon_2")));
    }
}
