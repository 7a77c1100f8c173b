package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.BrokenBarrierException;
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
class JdbcLoginFailureRepositoryTest extends RepositoryTest {

    private static final int RACERS = 20;

    /**
     * Every racer records one failure for the identifier in a transaction of its own, all at once: each
     * holds its connection and has begun its transaction before the barrier lets them all go. Their answers.
     */
    private static List<Long> recordAtOnce(Store store, TokenHash identifier) throws Exception {
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
                    return loginFailures.recordFailure(store.id(), identifier, now());
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
    void whenFailuresAreRecordedThenEachAnswersTheNewConsecutiveCount() {
        Store store = newStore();
        TokenHash identifier = newHash();
        Instant now = now();

        assertThat(loginFailures.recordFailure(store.id(), identifier, now)).isEqualTo(1);
        assertThat(loginFailures.recordFailure(store.id(), identifier, now.plusSeconds(1))).isEqualTo(2);
        assertThat(loginFailures.recordFailure(store.id(), identifier, now.plusSeconds(2))).isEqualTo(3);
        assertThat(sql.one("SELECT last_failure_at FROM login_failures WHERE store_id = ? AND identifier_hash = ?",
                row -> Sql.instant(row, "last_failure_at"), store.id().value(), identifier.hex()))
                .contains(now.plusSeconds(2));
    }

    @Test
    void whenTwentyTransactionsRecordTheFirstFailuresAtOnceThenAllTwentyCount() throws Exception {
        Store store = newStore();
        TokenHash identifier = newHash();

        List<Long> counts = recordAtOnce(store, identifier);

        assertThat(counts).containsExactlyInAnyOrder(range(1, RACERS));
        assertThat(loginFailures.recordFailure(store.id(), identifier, now())).isEqualTo(RACERS + 1);
    }

    @Test
    void whenTwentyTransactionsRecordFailuresOnAnExistingRowAtOnceThenAllTwentyCount() throws Exception {
        Store store = newStore();
        TokenHash identifier = newHash();
        loginFailures.recordFailure(store.id(), identifier, now());

        List<Long> counts = recordAtOnce(store, identifier);

        assertThat(counts).containsExactlyInAnyOrder(range(2, RACERS + 1));
        assertThat(loginFailures.recordFailure(store.id(), identifier, now())).isEqualTo(RACERS + 2);
    }

    @Test
    void whenAnIdentifierIsLockedThenLockedUntilAnswersTheInstantAndMoreFailuresKeepIt() {
        Store store = newStore();
        TokenHash identifier = newHash();
        Instant until = now().plusSeconds(300);
        loginFailures.recordFailure(store.id(), identifier, now());

        assertThat(loginFailures.lockedUntil(store.id(), identifier)).isEmpty();
        loginFailures.lockUntil(store.id(), identifier, until);

        assertThat(loginFailures.lockedUntil(store.id(), identifier)).contains(until);
        assertThat(loginFailures.recordFailure(store.id(), identifier, now())).isEqualTo(2);
        assertThat(loginFailures.lockedUntil(store.id(), identifier)).contains(until);

        Instant longer = until.plusSeconds(600);
        loginFailures.lockUntil(store.id(), identifier, longer);
        assertThat(loginFailures.lockedUntil(store.id(), identifier)).contains(longer);
    }

    @Test
    void whenAnIdentifierHasNoFailuresThenItIsNotLocked() {
        Store store = newStore();

        assertThat(loginFailures.lockedUntil(store.id(), newHash())).isEmpty();
    }

    @Test
    void whenClearedThenTheLockIsGoneAndCountingStartsAgainFromOne() {
        Store store = newStore();
        TokenHash identifier = newHash();
        loginFailures.recordFailure(store.id(), identifier, now());
        loginFailures.recordFailure(store.id(), identifier, now());
        loginFailures.lockUntil(store.id(), identifier, now().plusSeconds(60));

        loginFailures.clear(store.id(), identifier);

        assertThat(loginFailures.lockedUntil(store.id(), identifier)).isEmpty();
        assertThat(loginFailures.recordFailure(store.id(), identifier, now())).isEqualTo(1);
    }

    @Test
    void whenTheSameIdentifierFailsInTwoStoresThenCountsLocksAndClearsAreSeparate() {
        Store first = newStore();
        Store second = newStore();
        TokenHash identifier = newHash();
        Instant until = now().plusSeconds(120);
        loginFailures.recordFailure(first.id(), identifier, now());
        loginFailures.recordFailure(first.id(), identifier, now());
        loginFailures.lockUntil(first.id(), identifier, until);

        assertThat(loginFailures.recordFailure(second.id(), identifier, now())).isEqualTo(1);
        assertThat(loginFailures.lockedUntil(second.id(), identifier)).isEmpty();

        loginFailures.clear(second.id(), identifier);

        assertThat(loginFailures.lockedUntil(first.id(), identifier)).contains(until);
        assertThat(loginFailures.recordFailure(first.id(), identifier, now())).isEqualTo(3);
    }

    @Test
    void whenTwoIdentifiersFailInOneStoreThenTheyAreCountedAndLockedSeparately() {
        Store store = newStore();
        TokenHash one = newHash();
        TokenHash two = newHash();
        loginFailures.recordFailure(store.id(), one, now());
        loginFailures.recordFailure(store.id(), one, now());
        loginFailures.lockUntil(store.id(), one, now().plusSeconds(30));

        assertThat(loginFailures.recordFailure(store.id(), two, now())).isEqualTo(1);
        assertThat(loginFailures.lockedUntil(store.id(), two)).isEmpty();
        loginFailures.clear(store.id(), two);
        assertThat(loginFailures.recordFailure(store.id(), one, now())).isEqualTo(3);
    }
}
