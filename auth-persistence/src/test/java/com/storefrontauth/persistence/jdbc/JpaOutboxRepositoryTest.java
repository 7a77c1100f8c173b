package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.delivery.OutboxMessage.Status;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaOutboxRepositoryTest extends RepositoryTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final PageRequest ALL = new PageRequest(1, 100);
    private static final int RACERS = 8;

    /**
     * Leasing looks at every store's messages, so each test starts from an empty outbox (the class has
     * its database to itself).
     */
    @BeforeEach
    void emptyTheOutbox() {
        sql.update("DELETE FROM outbox_messages");
    }

    /** A pending message of the challenge, due at {@code due}, created a second before, inserted. */
    private static OutboxMessage queue(StoreId store, TokenHash challenge, boolean retained, Instant due) {
        String id = OutboxMessage.newId();
        OutboxMessage message = new OutboxMessage(
                id,
                store,
                challenge,
                OtpChannel.EMAIL,
                "ada@example.com",
                "Your sign-in code",
                CODES.seal(id, "Your code is 123456. It expires in 10 minutes."),
                CODES.seal(id, "123456"),
                CODES.seal(id, "<p>Your code is <strong>123456</strong>.</p>"),
                retained,
                Status.PENDING,
                0,
                due,
                due.plus(Duration.ofMinutes(10)),
                due.minusSeconds(1),
                null,
                null,
                null);
        outbox.insert(message);
        return message;
    }

    private static OutboxMessage queue(StoreId store, Instant due) {
        return queue(store, newHash(), false, due);
    }

    /** The message as its store's outbox page shows it now. */
    private static OutboxMessage read(OutboxMessage message) {
        return outbox.page(message.store(), ALL).items().stream()
                .filter(found -> found.id().equals(message.id()))
                .findFirst()
                .orElseThrow();
    }

    /** The message's lease, null when it has none. */
    private static Instant leaseUntil(OutboxMessage message) {
        return sql.one(
                        "SELECT lease_until FROM outbox_messages WHERE id = ?",
                        row -> Optional.ofNullable(Sql.instant(row, "lease_until")),
                        message.id())
                .orElseThrow()
                .orElse(null);
    }

    private static List<String> lease(Instant now, int limit) {
        return transactions.required(() -> outbox.leaseDue(now, now.plus(LEASE), limit)).stream()
                .map(OutboxMessage::id)
                .toList();
    }

    @Test
    void whenAMessageIsInsertedThenEveryFieldIsReadBack() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage pending = queue(store.id(), newHash(), true, now);
        OutboxMessage done = new OutboxMessage(
                OutboxMessage.newId(),
                null,
                newHash(),
                OtpChannel.WHATSAPP,
                "+919876543210",
                "Activate your account",
                null,
                null,
                null,
                false,
                Status.DELIVERED,
                3,
                now.minusSeconds(5),
                now.plusSeconds(600),
                now.minusSeconds(60),
                now.minusSeconds(2),
                "webhook",
                "HTTP 502 from the provider");
        outbox.insert(done);

        assertThat(outbox.page(store.id(), ALL).items()).containsExactly(pending);
        assertThat(outbox.page(null, ALL).items()).containsExactly(done);
        assertThat(leaseUntil(pending)).isNull();
        assertThat(CODES.open(pending.id(), read(pending).sealedCode())).isEqualTo("123456");
        assertThat(CODES.open(pending.id(), read(pending).sealedHtml()))
                .isEqualTo("<p>Your code is <strong>123456</strong>.</p>");
    }

    @Test
    void whenDueMessagesAreLeasedThenOnlyPendingDueOnesComeOldestDueFirstUpToTheLimit() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage second = queue(store.id(), now.minusSeconds(20));
        OutboxMessage first = queue(null, now.minusSeconds(30));
        OutboxMessage third = queue(store.id(), now.minusSeconds(10));
        OutboxMessage dueNow = queue(store.id(), now);
        queue(store.id(), now.plusMillis(1));
        OutboxMessage delivered = queue(store.id(), now.minusSeconds(60));
        outbox.markDelivered(delivered, "smtp", now);
        OutboxMessage superseded = queue(store.id(), now.minusSeconds(60));
        outbox.supersedePending(superseded.challenge());

        List<OutboxMessage> leased = transactions.required(() -> outbox.leaseDue(now, now.plus(LEASE), 3));

        assertThat(leased).containsExactly(first, second, third);
        assertThat(leaseUntil(first)).isEqualTo(now.plus(LEASE));
        assertThat(leaseUntil(dueNow)).isNull();
        assertThat(lease(now, 10)).containsExactly(dueNow.id());
    }

    @Test
    void whenAMessageIsLeasedThenItIsNotLeasedAgainBeforeTheLeaseEndsButIsFromThenOn() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage message = queue(store.id(), now);

        assertThat(lease(now, 10)).containsExactly(message.id());
        assertThat(lease(now, 10)).isEmpty();
        assertThat(lease(now.plus(LEASE).minusMillis(1), 10)).isEmpty();

        Instant expiry = now.plus(LEASE);
        assertThat(lease(expiry, 10)).containsExactly(message.id());
        assertThat(leaseUntil(message)).isEqualTo(expiry.plus(LEASE));
        assertThat(read(message)).isEqualTo(message);
    }

    @Test
    void whenInstancesLeaseAtOnceThenNoMessageIsLeasedTwice() throws Exception {
        Store store = newStore();
        Instant now = now();
        for (int i = 0; i < 30; i++) {
            queue(store.id(), now.minusMillis(i));
        }
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<String> leased = new ArrayList<>();
        try {
            List<Future<List<OutboxMessage>>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<List<OutboxMessage>> racer = () -> transactions.required(() -> {
                    try {
                        start.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("The racers did not all start", e);
                    }
                    return outbox.leaseDue(now, now.plus(LEASE), 10);
                });
                results.add(pool.submit(racer));
            }
            for (Future<List<OutboxMessage>> result : results) {
                result.get(60, TimeUnit.SECONDS).forEach(message -> leased.add(message.id()));
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> distinct = new HashSet<>(leased);
        assertThat(leased).hasSize(distinct.size()).isNotEmpty();
        assertThat(sql.count("SELECT COUNT(*) FROM outbox_messages WHERE lease_until IS NOT NULL"))
                .isEqualTo(distinct.size());
        assertThat(lease(now, 100)).hasSize(30 - distinct.size()).doesNotContainAnyElementsOf(distinct);
    }

    @Test
    void whenDeliveredThenTheSealedCopiesAreErasedUnlessRetainedAndTheLeaseIsCleared() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage erased = queue(store.id(), newHash(), false, now);
        OutboxMessage retained = queue(store.id(), newHash(), true, now);
        lease(now, 10);

        outbox.markDelivered(erased, "smtp", now.plusSeconds(1));
        outbox.markDelivered(retained, "dev", now.plusSeconds(2));

        OutboxMessage first = read(erased);
        assertThat(first.status()).isEqualTo(Status.DELIVERED);
        assertThat(first.deliveredAt()).isEqualTo(now.plusSeconds(1));
        assertThat(first.transport()).isEqualTo("smtp");
        assertThat(first.sealedText()).isNull();
        assertThat(first.sealedCode()).isNull();
        assertThat(first.sealedHtml()).isNull();
        assertThat(leaseUntil(erased)).isNull();
        OutboxMessage second = read(retained);
        assertThat(second.status()).isEqualTo(Status.DELIVERED);
        assertThat(second.transport()).isEqualTo("dev");
        assertThat(second.sealedText()).isEqualTo(retained.sealedText());
        assertThat(second.sealedCode()).isEqualTo(retained.sealedCode());
        assertThat(second.sealedHtml()).isEqualTo(retained.sealedHtml());
        assertThat(leaseUntil(retained)).isNull();
        assertThat(lease(now.plus(LEASE).plus(LEASE), 10)).isEmpty();
    }

    @Test
    void whenExpiredThenTheErrorIsKeptAndTheSealedCopiesAreErasedUnlessRetained() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage erased = queue(store.id(), newHash(), false, now);
        OutboxMessage retained = queue(store.id(), newHash(), true, now);
        lease(now, 10);

        outbox.markExpired(erased, "the code expired");
        outbox.markExpired(retained, "x".repeat(400));

        OutboxMessage first = read(erased);
        assertThat(first.status()).isEqualTo(Status.EXPIRED);
        assertThat(first.lastError()).isEqualTo("the code expired");
        assertThat(first.sealedText()).isNull();
        assertThat(first.sealedCode()).isNull();
        assertThat(first.deliveredAt()).isNull();
        assertThat(leaseUntil(erased)).isNull();
        OutboxMessage second = read(retained);
        assertThat(second.status()).isEqualTo(Status.EXPIRED);
        assertThat(second.lastError()).hasSize(300);
        assertThat(second.sealedCode()).isEqualTo(retained.sealedCode());
        assertThat(lease(now.plus(LEASE).plus(LEASE), 10)).isEmpty();
    }

    @Test
    void whenRescheduledThenItStaysPendingUnleasedWithTheNewAttemptCountAndIsDueAgainAtTheNextAttempt() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage message = queue(store.id(), now);
        lease(now, 10);
        Instant next = now.plusSeconds(4);

        outbox.reschedule(message.id(), 2, next, "y".repeat(350));

        OutboxMessage found = read(message);
        assertThat(found.status()).isEqualTo(Status.PENDING);
        assertThat(found.attempts()).isEqualTo(2);
        assertThat(found.nextAttemptAt()).isEqualTo(next);
        assertThat(found.lastError()).isEqualTo("y".repeat(300));
        assertThat(found.sealedText()).isEqualTo(message.sealedText());
        assertThat(leaseUntil(message)).isNull();
        assertThat(lease(next.minusMillis(1), 10)).isEmpty();
        assertThat(lease(next, 10)).containsExactly(message.id());
    }

    @Test
    void whenAMessageWasSupersededThenReschedulingOrExpiringItChangesNothing() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage message = queue(store.id(), newHash(), true, now);
        lease(now, 10);
        outbox.supersedePending(message.challenge());
        OutboxMessage superseded = read(message);

        outbox.reschedule(message.id(), 1, now.plusSeconds(1), "timeout");
        outbox.markExpired(message, "expired");

        assertThat(read(message)).isEqualTo(superseded);
        assertThat(superseded.status()).isEqualTo(Status.SUPERSEDED);
    }

    @Test
    void whenAChallengeGetsANewCodeThenItsPendingMessagesAreSupersededAndOthersAreLeftAlone() {
        Store store = newStore();
        Instant now = now();
        TokenHash challenge = newHash();
        OutboxMessage pending = queue(store.id(), challenge, false, now);
        OutboxMessage pendingRetained = queue(store.id(), challenge, true, now);
        OutboxMessage delivered = queue(store.id(), challenge, false, now);
        outbox.markDelivered(delivered, "smtp", now);
        OutboxMessage otherChallenge = queue(store.id(), newHash(), false, now);
        OutboxMessage deliveredBefore = read(delivered);

        assertThat(outbox.supersedePending(challenge)).isEqualTo(2);

        OutboxMessage first = read(pending);
        assertThat(first.status()).isEqualTo(Status.SUPERSEDED);
        assertThat(first.sealedText()).isNull();
        assertThat(first.sealedCode()).isNull();
        OutboxMessage second = read(pendingRetained);
        assertThat(second.status()).isEqualTo(Status.SUPERSEDED);
        assertThat(second.sealedText()).isEqualTo(pendingRetained.sealedText());
        assertThat(read(delivered)).isEqualTo(deliveredBefore);
        assertThat(read(otherChallenge)).isEqualTo(otherChallenge);
        assertThat(outbox.supersedePending(challenge)).isZero();
        assertThat(lease(now, 10)).containsExactly(otherChallenge.id());
    }

    @Test
    void whenMessagesArePagedThenTheyComeNewestFirstWithTheTotalAndOnlyFromThatStore() {
        Store store = newStore();
        Store other = newStore();
        Instant start = now();
        List<OutboxMessage> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(queue(store.id(), start.plusSeconds(i)));
        }
        OutboxMessage theirs = queue(other.id(), start.plusSeconds(10));
        OutboxMessage merchant = queue(null, start.plusSeconds(11));

        Page<OutboxMessage> first = outbox.page(store.id(), new PageRequest(1, 2));
        Page<OutboxMessage> third = outbox.page(store.id(), new PageRequest(3, 2));

        assertThat(first.items())
                .extracting(OutboxMessage::id)
                .containsExactly(mine.get(4).id(), mine.get(3).id());
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.size()).isEqualTo(2);
        assertThat(third.items())
                .extracting(OutboxMessage::id)
                .containsExactly(mine.get(0).id());
        assertThat(outbox.page(store.id(), new PageRequest(4, 2)).items()).isEmpty();
        assertThat(outbox.page(store.id(), new PageRequest(4, 2)).total()).isEqualTo(5);
        assertThat(outbox.page(other.id(), ALL).items()).containsExactly(theirs);
        assertThat(outbox.page(null, ALL).items()).containsExactly(merchant);
        assertThat(outbox.page(newStore().id(), ALL).total()).isZero();
    }

    @Test
    void whenOldMessagesArePrunedThenOnlyThoseCreatedBeforeTheCutOffGo() {
        Store store = newStore();
        Instant now = now();
        OutboxMessage old = queue(store.id(), now.minus(Duration.ofDays(8)));
        outbox.markDelivered(old, "smtp", now.minus(Duration.ofDays(8)));
        OutboxMessage atCutOff = queue(store.id(), now.minus(Duration.ofDays(7)).plusSeconds(1));
        OutboxMessage recent = queue(store.id(), now);

        assertThat(outbox.deleteCreatedBefore(now.minus(Duration.ofDays(7)), 10))
                .isEqualTo(1);

        assertThat(outbox.page(store.id(), ALL).items())
                .extracting(OutboxMessage::id)
                .containsExactly(recent.id(), atCutOff.id());
        assertThat(sql.exists("SELECT 1 FROM outbox_messages WHERE id = ?", old.id()))
                .isFalse();
    }

    @Test
    void whenOldMessagesAreForgottenThenAPendingOneIsKeptHoweverOld() {
        Store store = newStore();
        Instant weekAgo = now().minus(Duration.ofDays(8));
        OutboxMessage pending = queue(store.id(), weekAgo);
        OutboxMessage delivered = queue(store.id(), weekAgo);
        outbox.markDelivered(delivered, "smtp", weekAgo.plusSeconds(1));

        assertThat(outbox.deleteCreatedBefore(now().minus(Duration.ofDays(7)), 10))
                .isEqualTo(1);

        assertThat(outbox.page(store.id(), ALL).items())
                .extracting(OutboxMessage::id)
                .containsExactly(pending.id());
    }

    @Test
    void whenOneWorkerHoldsItsLeasesUncommittedThenASecondWorkerGetsOnlyTheOtherMessages() throws Exception {
        Store store = newStore();
        Instant now = now();
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(queue(store.id(), now.minusSeconds(10 - i)).id());
        }
        CountDownLatch firstLeased = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = pool.submit(() -> transactions.required(() -> {
                List<String> ids = outbox.leaseDue(now, now.plus(LEASE), 2).stream()
                        .map(OutboxMessage::id)
                        .toList();
                firstLeased.countDown();
                try {
                    firstMayCommit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids;
            }));
            assertThat(firstLeased.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<String>> second = pool.submit(() -> lease(now, 10));
            Thread.sleep(200);
            firstMayCommit.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(queued.get(0), queued.get(1));
            assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly(queued.get(2), queued.get(3));
        } finally {
            firstMayCommit.countDown();
            pool.shutdownNow();
        }
        assertThat(lease(now, 10)).isEmpty();
    }

    @Test
    void whenAMessageIsDueOneMicrosecondLaterThenItIsNotLeasedYetAndItsLeaseKeepsTheMicrosecond() {
        Store store = newStore();
        Instant now = Instant.parse("2026-03-04T05:06:07.123456Z");
        OutboxMessage message = queue(store.id(), now.plus(1, ChronoUnit.MICROS));

        assertThat(lease(now, 10)).isEmpty();
        assertThat(lease(now.plus(1, ChronoUnit.MICROS), 10)).containsExactly(message.id());
        assertThat(leaseUntil(message)).isEqualTo(now.plus(1, ChronoUnit.MICROS).plus(LEASE));
        assertThat(read(message).nextAttemptAt()).isEqualTo(message.nextAttemptAt());
    }

    @Test
    void whenOldMessagesAreForgottenInBatchesThenEachTakesAtMostItsLimitAndQueuedOnesOutlastThemAll() {
        Store store = newStore();
        Instant weekAgo = now().minus(Duration.ofDays(8));
        List<OutboxMessage> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            done.add(queue(store.id(), weekAgo.plusSeconds(i)));
        }
        outbox.markDelivered(done.get(0), "smtp", weekAgo);
        outbox.markDelivered(done.get(1), "smtp", weekAgo);
        outbox.markExpired(done.get(2), "the code expired before a provider accepted it");
        outbox.markExpired(done.get(3), "undeliverable");
        outbox.supersedePending(done.get(4).challenge());
        OutboxMessage pending = queue(store.id(), weekAgo.minusSeconds(1));
        OutboxMessage failing = queue(store.id(), weekAgo.minusSeconds(2));
        outbox.reschedule(failing.id(), 3, now(), "smtp down");
        Instant cutOff = now().minus(Duration.ofDays(7));

        assertThat(outbox.deleteCreatedBefore(cutOff, 2)).isEqualTo(2);
        assertThat(outbox.deleteCreatedBefore(cutOff, 2)).isEqualTo(2);
        assertThat(outbox.deleteCreatedBefore(cutOff, 2)).isEqualTo(1);
        assertThat(outbox.deleteCreatedBefore(cutOff, 2)).isZero();

        assertThat(outbox.page(store.id(), ALL).items())
                .extracting(OutboxMessage::id, OutboxMessage::status)
                .containsExactly(tuple(pending.id(), Status.PENDING), tuple(failing.id(), Status.PENDING));
        assertThat(outbox.leaseDue(now(), now().plus(LEASE), 10))
                .extracting(OutboxMessage::id)
                .containsExactlyInAnyOrder(pending.id(), failing.id());
    }
}
