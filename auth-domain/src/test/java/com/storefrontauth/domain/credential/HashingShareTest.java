package com.storefrontauth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One store's flood of sign-ins, run with threads: it never holds more than its share of the hashing slots. */
class HashingShareTest {

    @Test
    void whenOneTenantFloodsThenItHoldsAtMostHalfTheSlotsAndAnotherTenantStillEntersAtOnce() throws Exception {
        HashingShare share = new HashingShare(4);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService flood = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> entries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            entries.add(flood.submit(() -> {
                go.await();
                if (!share.enter("st_flood", 300)) {
                    return false;
                }
                try {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                } finally {
                    inside.decrementAndGet();
                    share.leave("st_flood");
                }
                return true;
            }));
        }
        go.countDown();
        Thread.sleep(20);

        boolean other = share.enter("st_other", 0);

        int entered = 0;
        for (Future<Boolean> entry : entries) {
            entered += entry.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        flood.shutdown();
        assertThat(other).as("another store never waits for the flooding one").isTrue();
        assertThat(most.get()).isEqualTo(2);
        assertThat(entered).as("the rest waited their bounded time and gave up").isBetween(2, 15);
    }

    @Test
    void whenThereAreFewSlotsThenEveryTenantStillHasOne() {
        assertThat(new HashingShare(1).perTenant()).isEqualTo(1);
        assertThat(new HashingShare(2).perTenant()).isEqualTo(1);
        assertThat(new HashingShare(16).perTenant()).isEqualTo(8);
    }
}
