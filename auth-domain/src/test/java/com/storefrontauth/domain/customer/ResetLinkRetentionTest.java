package com.storefrontauth.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.shared.CountingTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResetLinkRetentionTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryResetLinks links = new InMemoryResetLinks();
    private final CountingTransactions transactions = new CountingTransactions();
    private final ResetLinkRetention retention = new ResetLinkRetention(links, transactions, clock);
    private final StoreId store = StoreId.generate();

    private ResetLink link(Instant expiresAt) {
        ResetLink link = new ResetLink(
                TokenHash.of(RandomSecret.generate("prl_")),
                store,
                CustomerId.generate(),
                "carla@example.com",
                expiresAt,
                expiresAt.minus(PasswordResetByLink.LINK_TTL));
        links.insert(link);
        return link;
    }

    @Test
    void whenLinksExpiredOverADayAgoThenTheyGoUsedOrNotAndLiveOrRecentlyExpiredOnesStay() {
        Instant now = clock.instant();
        ResetLink unused = link(now.minus(Duration.ofHours(25)));
        ResetLink used = link(now.minus(Duration.ofHours(26)));
        assertThat(links.spend(used.id(), store, used.createdAt())).isPresent();
        ResetLink expiredRecently = link(now.minus(Duration.ofHours(23)));
        ResetLink live = link(now.plus(Duration.ofMinutes(20)));

        assertThat(retention.prune()).isEqualTo(2);

        assertThat(links.holds(unused.id())).isFalse();
        assertThat(links.holds(used.id())).isFalse();
        assertThat(links.holds(expiredRecently.id())).isTrue();
        assertThat(links.holds(live.id())).isTrue();
        assertThat(links.spend(live.id(), store, now)).isPresent();
    }

    @Test
    void whenALiveLinkAgesThenNoRunForgetsItBeforeItHasBeenExpiredForADay() {
        ResetLink live = link(clock.instant().plus(PasswordResetByLink.LINK_TTL));

        clock.advance(Duration.ofDays(1));
        assertThat(retention.prune()).isZero();
        assertThat(links.holds(live.id())).isTrue();

        clock.advance(PasswordResetByLink.LINK_TTL.plusSeconds(1));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(links.holds(live.id())).isFalse();
    }

    @Test
    void whenTheBacklogExceedsOneBatchThenItIsForgottenInOneRunOneBatchPerTransaction() {
        int backlog = ResetLinkRetention.BATCH * 2;
        for (int i = 0; i < backlog; i++) {
            link(clock.instant().minus(Duration.ofDays(2)));
        }
        ResetLink live = link(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(retention.prune()).isEqualTo(backlog);

        // two full batches, then an empty one that ends the run
        assertThat(transactions.begun()).isEqualTo(3);
        assertThat(links.size()).isEqualTo(1);
        assertThat(links.holds(live.id())).isTrue();
    }
}
