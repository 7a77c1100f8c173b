package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.throttle.FailureCount;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaLoginFailureRepositoryTest extends RepositoryTest {

    private static final int RACERS = 20;

    /** One reservation as the lockout makes it: lock the row, then save one more failure. Answers the count it saw. */
    private static long reserve(Store store, TokenHash identifier) {
        return transactions.required(() -> {
            FailureCount seen = loginFailures.lock(store.id(), identifier, now());
            loginFailures.save(store.id(), identifier, new FailureCount(seen.failures() + 1, now(), null));
            return seen.failures();
        });
    }

    /**
     * Every racer reserves an attempt in a transaction of its own, all at once: each holds its connection and
     * has begun its transaction before the barrier lets them all go. The counts they saw.
     */
    private static List<Long> reserveAtOnce(Store store, TokenHash identifier) throws Exception {
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Long> racer = () -> transactions.required(() -> {
                    try {
                        start.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("The racers did not all start", e);
                    }
                    return reserve(store, identifier);
                });
                results.add(pool.submit(racer));
            }
            List<Long> counts = new ArrayList<>();
            for (Future<Long> result : results) {
                counts.add(result.get(60, TimeUnit.SECONDS));
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Long[] range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toArray(Long[]::new);
    }

    @Test
    void whenAnIdentifierHasNoRowThenLockCreatesAnEmptyUnlockedOne() {
        Store store = newStore();
        Instant now = now();

        FailureCount count = transactions.required(() -> loginFailures.lock(store.id(), newHash(), now));

        assertThat(count.failures()).isZero();
        assertThat(count.lockedUntil()).isNull();
        assertThat(count.lastAttemptAt()).isEqualTo(now);
    }

    @Test
    void whenACountIsSavedThenTheNextLockReadsItBack() {
        Store store = newStore();
        TokenHash identifier = newHash();
        Instant at = now();
        Instant until = at.plusSeconds(300);

        transactions.required(() -> {
            loginFailures.lock(store.id(), identifier, at);
            loginFailures.save(store.id(), identifier, new FailureCount(3, at, until));
        });

        assertThat(transactions.required(() -> loginFailures.lock(store.id(), identifier, at.plusSeconds(1))))
                .isEqualTo(new FailureCount(3, at, until));
    }

    @Test
    void whenACountIsSavedAndLockedAgainInTheSameTransactionThenTheSecondLockReadsTheSavedCount() {
        Store store = newStore();
        TokenHash identifier = newHash();
        Instant at = Instant.parse("2026-03-29T01:30:00.000001Z");
        Instant until = at.plusSeconds(300).plusNanos(999_000);

        FailureCount second = transactions.required(() -> {
            loginFailures.lock(store.id(), identifier, at);
            loginFailures.save(store.id(), identifier, new FailureCount(4, at, until));
            return loginFailures.lock(store.id(), identifier, at.plusSeconds(1));
        });

        assertThat(second).isEqualTo(new FailureCount(4, at, until));
    }

    @Test
    void whenTwentyTransactionsReserveTheFirstAttemptsAtOnceThenEachSeesTheCountOfThoseBefore() throws Exception {
        Store store = newStore();
        TokenHash identifier = newHash();

        List<Long> seen = reserveAtOnce(store, identifier);

        assertThat(seen).containsExactlyInAnyOrder(range(0, RACERS - 1));
        assertThat(reserve(store, identifier)).isEqualTo(RACERS);
    }

    @Test
    void whenTwentyTransactionsReserveOnAnExistingRowAtOnceThenNoneIsLost() throws Exception {
        Store store = newStore();
        TokenHash identifier = newHash();
        reserve(store, identifier);

        List<Long> seen = reserveAtOnce(store, identifier);

        assertThat(seen).containsExactlyInAnyOrder(range(1, RACERS));
        assertThat(reserve(store, identifier)).isEqualTo(RACERS + 1);
    }

    @Test
    void whenClearedThenTheLockIsGoneAndCountingStartsAgainFromZero() {
        Store store = newStore();
        TokenHash identifier = newHash();
        transactions.required(() -> {
            loginFailures.lock(store.id(), identifier, now());
            loginFailures.save(store.id(), identifier, new FailureCount(2, now(), now().plusSeconds(60)));
        });

        loginFailures.clear(store.id(), identifier);

        FailureCount after = transactions.required(() -> loginFailures.lock(store.id(), identifier, now()));
        assertThat(after.failures()).isZero();
        assertThat(after.lockedUntil()).isNull();
    }

    @Test
    void whenTheSameIdentifierFailsInTwoStoresThenCountsAndClearsAreSeparate() {
        Store first = newStore();
        Store second = newStore();
        TokenHash identifier = newHash();
        reserve(first, identifier);
        reserve(first, identifier);

        assertThat(reserve(second, identifier)).isZero();
        loginFailures.clear(second.id(), identifier);

        assertThat(reserve(first, identifier)).isEqualTo(2);
    }

    @Test
    void whenTwoIdentifiersFailInOneStoreThenTheyAreCountedSeparately() {
        Store store = newStore();
        TokenHash one = newHash();
        TokenHash two = newHash();
        reserve(store, one);
        reserve(store, one);

        assertThat(reserve(store, two)).isZero();
        loginFailures.clear(store.id(), two);
        assertThat(reserve(store, one)).isEqualTo(2);
    }
}
