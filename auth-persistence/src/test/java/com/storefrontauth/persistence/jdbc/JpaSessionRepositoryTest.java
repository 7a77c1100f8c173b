package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SpentRefreshToken;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaSessionRepositoryTest extends RepositoryTest {

    private static final int RACERS = 20;

    /** A customer session of the subject, created at the given instant and expiring at the other. */
    private static Session sessionOf(StoreId store, String subject, Instant createdAt, Instant expiresAt) {
        Session session = new Session(
                SessionId.generate(),
                store,
                SubjectKind.CUSTOMER,
                subject,
                null,
                createdAt,
                createdAt,
                expiresAt,
                Duration.ofDays(14),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("203.0.113.7", "JUnit/5"),
                newHash());
        sessions.insert(session);
        return session;
    }

    private static Session sessionOf(StoreId store, String subject, Instant createdAt) {
        return sessionOf(store, subject, createdAt, createdAt.plus(Duration.ofDays(30)));
    }

    /** A session of any kind, store (may be null), last use and idle timeout. */
    private static Session sessionOf(
            StoreId store,
            SubjectKind kind,
            String subject,
            Instant createdAt,
            Instant lastUsedAt,
            Duration idleTimeout,
            Instant expiresAt) {
        Session session = new Session(
                SessionId.generate(),
                store,
                kind,
                subject,
                null,
                createdAt,
                lastUsedAt,
                expiresAt,
                idleTimeout,
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("203.0.113.7", "JUnit/5"),
                newHash());
        sessions.insert(session);
        return session;
    }

    /** A customer session last used when it was created, idle for at most an hour, expiring in a day. */
    private static Session usedAt(StoreId store, String subject, Instant createdAt) {
        return sessionOf(
                store,
                SubjectKind.CUSTOMER,
                subject,
                createdAt,
                createdAt,
                Duration.ofHours(1),
                createdAt.plus(Duration.ofDays(1)));
    }

    private static List<SessionId> ids(List<Session> list) {
        return list.stream().map(Session::id).toList();
    }

    @Test
    void whenASessionIsInsertedThenItIsFoundByIdAndByRefreshHashWithEveryField() {
        Store store = newStore();
        TokenHash refresh = newHash();
        Session session = newSession(store, refresh);

        Session found = sessions.find(session.store(), session.id()).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(session);
        assertThat(sessions.findByRefreshHash(session.store(), refresh))
                .map(Session::id)
                .contains(session.id());
        assertThat(sessions.findByRefreshHash(session.store(), newHash())).isEmpty();
        assertThat(sessions.find(session.store(), SessionId.generate())).isEmpty();
    }

    @Test
    void whenASessionIsLookedForInAnotherStoreOrAmongManagementSessionsThenNoFinderFindsIt() {
        Store store = newStore();
        StoreId other = newStore().id();
        TokenHash used = newHash();
        TokenHash next = newHash();
        Session session = newSession(store, used);
        transactions.required(() -> sessions.rotate(session.id(), used, next, now()));

        for (StoreId elsewhere : Arrays.asList(other, null)) {
            assertThat(sessions.find(elsewhere, session.id())).isEmpty();
            assertThat(sessions.findByRefreshHash(elsewhere, next)).isEmpty();
            assertThat(sessions.findSpent(elsewhere, used)).isEmpty();
        }
        assertThat(sessions.find(store.id(), session.id())).isPresent();
        assertThat(sessions.findSpent(store.id(), used)).isPresent();
        assertThat(sessions.isRevoked(session.id())).isFalse();
        sessions.revoke(session.id(), "logout", now());
        assertThat(sessions.isRevoked(session.id())).isTrue();
    }

    @Test
    void whenAMerchantSessionHasNoStoreAndNoClientThenItRoundTripsWithNulls() {
        Instant now = now();
        Session session = new Session(
                SessionId.generate(),
                null,
                SubjectKind.MERCHANT,
                "acc_x",
                "anon-1",
                now,
                now,
                now.plus(Duration.ofHours(8)),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                null,
                null,
                new ClientInfo(null, null),
                newHash());
        sessions.insert(session);

        Session found = sessions.find(session.store(), session.id()).orElseThrow();

        assertThat(found.store()).isNull();
        assertThat(found.anonymousId()).isEqualTo("anon-1");
        assertThat(found.client()).isEqualTo(new ClientInfo(null, null));
        assertThat(found.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(found.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void whenRotatedThenTheNextHashIsCurrentAndTheUsedOneLeadsBackToTheSession() {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        TokenHash next = newHash();
        Instant later = now().plusSeconds(60);

        boolean rotated = transactions.required(() -> sessions.rotate(session.id(), used, next, later));

        assertThat(rotated).isTrue();
        Session found = sessions.findByRefreshHash(session.store(), next).orElseThrow();
        assertThat(found.id()).isEqualTo(session.id());
        assertThat(found.lastUsedAt()).isEqualTo(later);
        assertThat(sessions.findByRefreshHash(session.store(), used)).isEmpty();
        assertThat(sessions.findSpent(session.store(), used).map(SpentRefreshToken::session))
                .contains(session.id());
        assertThat(sessions.findSpent(session.store(), next).map(SpentRefreshToken::session))
                .isEmpty();
    }

    @Test
    void whenASpentHashIsRotatedAgainThenItLosesAndTheSessionKeepsItsCurrentToken() {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        TokenHash next = newHash();
        sessions.rotate(session.id(), used, next, now());

        boolean again = transactions.required(() -> sessions.rotate(session.id(), used, newHash(), now()));

        assertThat(again).isFalse();
        assertThat(sessions.find(session.store(), session.id()))
                .map(Session::refreshHash)
                .contains(next);
    }

    @Test
    void whenARevokedSessionIsRotatedThenItLosesAndTheTokenIsNotRecordedAsSpent() {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        sessions.revoke(session.id(), "logout", now());

        boolean rotated = transactions.required(() -> sessions.rotate(session.id(), used, newHash(), now()));

        assertThat(rotated).isFalse();
        assertThat(sessions.find(session.store(), session.id()))
                .map(Session::refreshHash)
                .contains(used);
        assertThat(sessions.findSpent(session.store(), used).map(SpentRefreshToken::session))
                .isEmpty();
    }

    @Test
    void whenTwentyTransactionsRotateTheSameTokenAtOnceThenExactlyOneWinsAndItsHashIsCurrent() throws Exception {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<TokenHash> nextHashes = new ArrayList<>();
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                TokenHash next = newHash();
                nextHashes.add(next);
                Callable<Boolean> racer = () -> {
                    start.await();
                    return transactions.required(() -> sessions.rotate(session.id(), used, next, now()));
                };
                results.add(pool.submit(racer));
            }
            start.countDown();

            List<TokenHash> winners = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                if (results.get(i).get(60, TimeUnit.SECONDS)) {
                    winners.add(nextHashes.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(sessions.find(session.store(), session.id()))
                    .map(Session::refreshHash)
                    .contains(winners.get(0));
            assertThat(sessions.findSpent(session.store(), used).map(SpentRefreshToken::session))
                    .contains(session.id());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenASessionIsRevokedTwiceThenOnlyTheFirstRevokeChangesIt() {
        Store store = newStore();
        Session session = newSession(store, newHash());
        Instant first = now();

        assertThat(sessions.revoke(session.id(), "logout", first)).isTrue();
        assertThat(sessions.revoke(session.id(), "refresh_token_reused", first.plusSeconds(5)))
                .isFalse();

        Session found = sessions.find(session.store(), session.id()).orElseThrow();
        assertThat(found.revokedAt()).isEqualTo(first);
        assertThat(found.revokeReason()).isEqualTo("logout");
    }

    @Test
    void whenSessionsAreRevokedThenRevokedSinceListsThoseRecordedAfterTheGivenDatabaseTime() {
        Store store = newStore();
        Session early = newSession(store, newHash());
        Session late = newSession(store, newHash());
        Session active = newSession(store, newHash());
        sessions.revoke(early.id(), "logout", now());
        Instant between = sessions.databaseTime();
        sleepPastTheDatabaseClockTick();
        sessions.revokeAllOf(store.id(), late.subject(), null, "password_changed", now());

        assertThat(sessions.revokedSince(between))
                .extracting(SessionRepository.Revocation::id)
                .contains(late.id())
                .doesNotContain(early.id(), active.id());
        assertThat(sessions.revokedSince(between.minusSeconds(600)))
                .extracting(SessionRepository.Revocation::id)
                .contains(early.id(), late.id());
    }

    @Test
    void whenAnInstanceWhoseClockIsHoursBehindRevokesASessionThenThePollAfterItStillListsIt() {
        Store store = newStore();
        Session session = newSession(store, newHash());
        Instant lastPoll = sessions.databaseTime();
        Instant skewedInstanceClock = lastPoll.minus(Duration.ofHours(3));

        sessions.revoke(session.id(), "logout", skewedInstanceClock);

        assertThat(sessions.revokedSince(lastPoll.minusSeconds(10)))
                .extracting(SessionRepository.Revocation::id)
                .contains(session.id());
        assertThat(sessions.find(session.store(), session.id()).orElseThrow().revokedAt())
                .isEqualTo(skewedInstanceClock);
    }

    /** Database clocks tick in microseconds or coarser: two reads in a row may show the same time. */
    private static void sleepPastTheDatabaseClockTick() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whenASessionIsUnknownThenFindIsEmpty() {
        assertThat(sessions.find(newStore().id(), SessionId.generate())).isEmpty();
        assertThat(sessions.find(null, SessionId.generate())).isEmpty();
        assertThat(sessions.isRevoked(SessionId.generate())).isFalse();
    }

    @Test
    void whenUnrevokedSessionsAreListedThenRevokedExpiredAndOtherStoresAreLeftOutAndNewestComeFirst() {
        Store store = newStore();
        Store other = newStore();
        Instant now = now();
        Session oldest = sessionOf(store.id(), "cus_a", now.minusSeconds(300));
        Session ofB = sessionOf(store.id(), "cus_b", now.minusSeconds(200));
        Session newest = sessionOf(store.id(), "cus_a", now.minusSeconds(100));
        Session revoked = sessionOf(store.id(), "cus_a", now.minusSeconds(50));
        sessions.revoke(revoked.id(), "logout", now.minusSeconds(40));
        sessionOf(store.id(), "cus_a", now.minus(Duration.ofDays(2)), now.minusSeconds(1));
        sessionOf(store.id(), "cus_a", now.minus(Duration.ofDays(1)), now);
        sessionOf(other.id(), "cus_a", now.minusSeconds(10));

        List<Session> all = sessions.listUnrevoked(store.id(), null, now);

        assertThat(ids(all)).containsExactly(newest.id(), ofB.id(), oldest.id());
        assertThat(all.get(0)).usingRecursiveComparison().isEqualTo(newest);
    }

    @Test
    void whenUnrevokedSessionsAreListedForASubjectThenOnlyItsSessionsComeNewestFirst() {
        Store store = newStore();
        Instant now = now();
        Session older = sessionOf(store.id(), "cus_a", now.minusSeconds(300));
        sessionOf(store.id(), "cus_b", now.minusSeconds(200));
        Session newer = sessionOf(store.id(), "cus_a", now.minusSeconds(100));

        assertThat(ids(sessions.listUnrevoked(store.id(), "cus_a", now))).containsExactly(newer.id(), older.id());
        assertThat(sessions.listUnrevoked(store.id(), "cus_nobody", now)).isEmpty();
    }

    @Test
    void whenASessionExpiresThenListingAtALaterNowLeavesItOut() {
        Store store = newStore();
        Instant now = now();
        Session shortLived = sessionOf(store.id(), "cus_a", now.minusSeconds(60), now.plusSeconds(60));
        Session longLived = sessionOf(store.id(), "cus_a", now.minusSeconds(30), now.plusSeconds(3600));

        assertThat(ids(sessions.listUnrevoked(store.id(), "cus_a", now)))
                .containsExactly(longLived.id(), shortLived.id());
        assertThat(ids(sessions.listUnrevoked(store.id(), "cus_a", now.plusSeconds(60))))
                .containsExactly(longLived.id());
    }

    @Test
    void whenAllSessionsOfASubjectAreRevokedButOneThenThatOneOtherSubjectsAndOtherStoresStay() {
        Store store = newStore();
        Store other = newStore();
        Instant now = now();
        Session first = sessionOf(store.id(), "cus_a", now.minusSeconds(300));
        Session second = sessionOf(store.id(), "cus_a", now.minusSeconds(200));
        Session current = sessionOf(store.id(), "cus_a", now.minusSeconds(100));
        Session earlier = sessionOf(store.id(), "cus_a", now.minusSeconds(400));
        Instant loggedOut = now.minusSeconds(50);
        sessions.revoke(earlier.id(), "logout", loggedOut);
        Session otherSubject = sessionOf(store.id(), "cus_b", now.minusSeconds(100));
        Session otherStore = sessionOf(other.id(), "cus_a", now.minusSeconds(100));

        int revoked = sessions.revokeAllOf(store.id(), "cus_a", current.id(), "password_changed", now);

        assertThat(revoked).isEqualTo(2);
        for (Session ended : List.of(first, second)) {
            Session found = sessions.find(ended.store(), ended.id()).orElseThrow();
            assertThat(found.revokedAt()).isEqualTo(now);
            assertThat(found.revokeReason()).isEqualTo("password_changed");
        }
        Session stillRevoked = sessions.find(earlier.store(), earlier.id()).orElseThrow();
        assertThat(stillRevoked.revokedAt()).isEqualTo(loggedOut);
        assertThat(stillRevoked.revokeReason()).isEqualTo("logout");
        assertThat(sessions.find(current.store(), current.id()).orElseThrow().revokedAt())
                .isNull();
        assertThat(sessions.find(otherSubject.store(), otherSubject.id())
                        .orElseThrow()
                        .revokedAt())
                .isNull();
        assertThat(sessions.find(otherStore.store(), otherStore.id())
                        .orElseThrow()
                        .revokedAt())
                .isNull();
        assertThat(ids(sessions.listUnrevoked(store.id(), "cus_a", now))).containsExactly(current.id());
    }

    @Test
    void whenAllSessionsOfASubjectAreRevokedWithoutAnExceptionThenEveryOneEndsAndAgainChangesNothing() {
        Store store = newStore();
        Instant now = now();
        sessionOf(store.id(), "cus_a", now.minusSeconds(300));
        sessionOf(store.id(), "cus_a", now.minusSeconds(200));
        Session otherSubject = sessionOf(store.id(), "cus_b", now.minusSeconds(100));

        int revoked =
                transactions.required(() -> sessions.revokeAllOf(store.id(), "cus_a", null, "account_deleted", now));

        assertThat(revoked).isEqualTo(2);
        assertThat(sessions.listUnrevoked(store.id(), "cus_a", now)).isEmpty();
        assertThat(sessions.revokeAllOf(store.id(), "cus_a", null, "account_deleted", now.plusSeconds(1)))
                .isZero();
        assertThat(ids(sessions.listUnrevoked(store.id(), null, now))).containsExactly(otherSubject.id());
    }

    @Test
    void whenActiveSessionsArePagedThenRevokedExpiredIdleOtherStoresAndOtherKindsAreLeftOut() {
        Store store = newStore();
        Store other = newStore();
        Instant now = now();
        Instant day = now.plus(Duration.ofDays(1));
        Session older = usedAt(store.id(), "cus_a", now.minusSeconds(300));
        Session newest = sessionOf(store.id(), "cus_b", now.minusSeconds(200));
        Instant lastUsed = now.minusSeconds(3600);
        Session patient = sessionOf(
                store.id(), SubjectKind.CUSTOMER, "cus_a", now.minusSeconds(7100), lastUsed, Duration.ofHours(2), day);
        sessionOf(
                store.id(),
                SubjectKind.CUSTOMER,
                "cus_a",
                now.minusSeconds(7000),
                lastUsed,
                Duration.ofMinutes(30),
                day);
        sessionOf(
                store.id(),
                SubjectKind.CUSTOMER,
                "cus_a",
                now.minusSeconds(900),
                now.minusSeconds(600),
                Duration.ofSeconds(600),
                day);
        sessionOf(
                store.id(),
                SubjectKind.CUSTOMER,
                "cus_a",
                now.minus(Duration.ofDays(2)),
                now.minusSeconds(60),
                Duration.ofDays(1),
                now);
        Session revoked = usedAt(store.id(), "cus_a", now.minusSeconds(100));
        sessions.revoke(revoked.id(), "logout", now.minusSeconds(50));
        Session guest = sessionOf(
                store.id(),
                SubjectKind.GUEST,
                "anon_1",
                now.minusSeconds(150),
                now.minusSeconds(150),
                Duration.ofHours(1),
                day);
        usedAt(other.id(), "cus_a", now.minusSeconds(10));

        Page<Session> page = sessions.pageActive(store.id(), SubjectKind.CUSTOMER, null, now, new PageRequest(1, 10));

        assertThat(ids(page.items())).containsExactly(newest.id(), older.id(), patient.id());
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.size()).isEqualTo(10);
        assertThat(page.items().get(2)).usingRecursiveComparison().isEqualTo(patient);
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now, 100))
                .isEqualTo(3);
        assertThat(ids(sessions.pageActive(store.id(), SubjectKind.GUEST, null, now, new PageRequest(1, 10))
                        .items()))
                .containsExactly(guest.id());
        assertThat(sessions.countActive(store.id(), SubjectKind.GUEST, now, 100))
                .isEqualTo(1);
        assertThat(sessions.countActive(store.id(), SubjectKind.MERCHANT, now, 100))
                .isZero();
        assertThat(sessions.countActive(other.id(), SubjectKind.CUSTOMER, now, 100))
                .isEqualTo(1);
    }

    @Test
    void whenTimePassesThenActiveSessionsDropOutAsTheirOwnIdleTimeoutRunsOut() {
        Store store = newStore();
        Instant now = now();
        Instant day = now.plus(Duration.ofDays(1));
        Session quick = sessionOf(
                store.id(), SubjectKind.CUSTOMER, "cus_a", now.minusSeconds(60), now, Duration.ofMinutes(5), day);
        Session slow = sessionOf(
                store.id(), SubjectKind.CUSTOMER, "cus_a", now.minusSeconds(120), now, Duration.ofMinutes(10), day);

        assertThat(ids(sessions.pageActive(
                                store.id(), SubjectKind.CUSTOMER, null, now.plusSeconds(299), new PageRequest(1, 10))
                        .items()))
                .containsExactly(quick.id(), slow.id());
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now.plusSeconds(300), 100))
                .isEqualTo(1);
        assertThat(ids(sessions.pageActive(
                                store.id(), SubjectKind.CUSTOMER, null, now.plusSeconds(300), new PageRequest(1, 10))
                        .items()))
                .containsExactly(slow.id());
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now.plusSeconds(600), 100))
                .isZero();
    }

    @Test
    void whenActiveSessionsArePagedForASubjectThenOnlyItsSessionsAreListedAndCounted() {
        Store store = newStore();
        Instant now = now();
        Session older = usedAt(store.id(), "cus_a", now.minusSeconds(300));
        usedAt(store.id(), "cus_b", now.minusSeconds(200));
        Session newer = usedAt(store.id(), "cus_a", now.minusSeconds(100));

        Page<Session> mine =
                sessions.pageActive(store.id(), SubjectKind.CUSTOMER, "cus_a", now, new PageRequest(1, 10));
        Page<Session> nobody =
                sessions.pageActive(store.id(), SubjectKind.CUSTOMER, "cus_nobody", now, new PageRequest(1, 10));

        assertThat(ids(mine.items())).containsExactly(newer.id(), older.id());
        assertThat(mine.total()).isEqualTo(2);
        assertThat(nobody.items()).isEmpty();
        assertThat(nobody.total()).isZero();
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now, 100))
                .isEqualTo(3);
    }

    @Test
    void whenActiveSessionsArePagedThenEachPageHasItsShareAndTheTotalOfAll() {
        Store store = newStore();
        Instant now = now();
        List<Session> made = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            made.add(usedAt(store.id(), "cus_" + i, now.minusSeconds(100L * i)));
        }
        usedAt(store.id(), "cus_old", now.minusSeconds(7200));

        Page<Session> first = sessions.pageActive(store.id(), SubjectKind.CUSTOMER, null, now, new PageRequest(1, 2));
        Page<Session> second = sessions.pageActive(store.id(), SubjectKind.CUSTOMER, null, now, new PageRequest(2, 2));
        Page<Session> third = sessions.pageActive(store.id(), SubjectKind.CUSTOMER, null, now, new PageRequest(3, 2));
        Page<Session> beyond = sessions.pageActive(store.id(), SubjectKind.CUSTOMER, null, now, new PageRequest(4, 2));

        assertThat(ids(first.items()))
                .containsExactly(made.get(4).id(), made.get(3).id());
        assertThat(ids(second.items()))
                .containsExactly(made.get(2).id(), made.get(1).id());
        assertThat(second.page()).isEqualTo(2);
        assertThat(ids(third.items())).containsExactly(made.get(0).id());
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), third.total(), beyond.total()))
                .containsOnly(5L);
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now, 100))
                .isEqualTo(5);
    }

    @Test
    void whenActiveSessionsAreCountedUpToALimitThenTheCountStopsThereAndSkipsEndedOnes() {
        Store store = newStore();
        Instant now = now();
        for (int i = 1; i <= 5; i++) {
            usedAt(store.id(), "cus_" + i, now.minusSeconds(100L * i));
        }
        usedAt(store.id(), "cus_idle", now.minusSeconds(7200));
        Session revoked = usedAt(store.id(), "cus_gone", now.minusSeconds(10));
        sessions.revoke(revoked.id(), "logout", now.minusSeconds(5));

        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now, 3))
                .isEqualTo(3);
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now, 5))
                .isEqualTo(5);
        assertThat(sessions.countActive(store.id(), SubjectKind.CUSTOMER, now, 6))
                .isEqualTo(5);
        assertThat(sessions.countActive(store.id(), SubjectKind.GUEST, now, 6)).isZero();
    }

    @Test
    void whenAllManagementSessionsOfAnAccountAreRevokedThenOnlyItsStorelessUnrevokedOnesEnd() {
        Store store = newStore();
        Instant now = now();
        Instant day = now.plus(Duration.ofDays(1));
        String account = "acc_" + newHash().hex().substring(0, 20);
        Session first = sessionOf(
                null,
                SubjectKind.MERCHANT,
                account,
                now.minusSeconds(300),
                now.minusSeconds(300),
                Duration.ofHours(1),
                day);
        Session second = sessionOf(
                null,
                SubjectKind.MERCHANT,
                account,
                now.minusSeconds(200),
                now.minusSeconds(200),
                Duration.ofHours(1),
                day);
        Session earlier = sessionOf(
                null,
                SubjectKind.MERCHANT,
                account,
                now.minusSeconds(400),
                now.minusSeconds(400),
                Duration.ofHours(1),
                day);
        Instant loggedOut = now.minusSeconds(100);
        sessions.revoke(earlier.id(), "logout", loggedOut);
        Session otherAccount = sessionOf(
                null,
                SubjectKind.MERCHANT,
                account + "x",
                now.minusSeconds(200),
                now.minusSeconds(200),
                Duration.ofHours(1),
                day);
        Session inAStore = sessionOf(
                store.id(),
                SubjectKind.CUSTOMER,
                account,
                now.minusSeconds(200),
                now.minusSeconds(200),
                Duration.ofHours(1),
                day);

        int revoked = transactions.required(() -> sessions.revokeAllOfAccount(account, "account_disabled", now));

        assertThat(revoked).isEqualTo(2);
        for (Session ended : List.of(first, second)) {
            Session found = sessions.find(ended.store(), ended.id()).orElseThrow();
            assertThat(found.revokedAt()).isEqualTo(now);
            assertThat(found.revokeReason()).isEqualTo("account_disabled");
        }
        Session stillRevoked = sessions.find(earlier.store(), earlier.id()).orElseThrow();
        assertThat(stillRevoked.revokedAt()).isEqualTo(loggedOut);
        assertThat(stillRevoked.revokeReason()).isEqualTo("logout");
        assertThat(sessions.find(otherAccount.store(), otherAccount.id())
                        .orElseThrow()
                        .revokedAt())
                .isNull();
        assertThat(sessions.find(inAStore.store(), inAStore.id()).orElseThrow().revokedAt())
                .isNull();
        assertThat(sessions.revokeAllOfAccount(account, "account_disabled", now.plusSeconds(1)))
                .isZero();
    }

    @Test
    void whenEndedSessionsAreForgottenThenTheirTokensGoWithThemAndActiveOrRecentlyEndedOnesStay() {
        Store store = newStore();
        Instant longAgo = Instant.parse("2001-03-01T00:00:00Z");
        Session expired = sessionOf(store.id(), "cus_expired", longAgo.minus(Duration.ofDays(30)), longAgo);
        TokenHash spentOfExpired = expired.refreshHash();
        assertThat(sessions.rotate(expired.id(), spentOfExpired, newHash(), longAgo.minus(Duration.ofDays(1))))
                .isTrue();
        opaqueTokens.insert(newHash(), expired.id());
        Session revoked = sessionOf(store.id(), "cus_revoked", now());
        assertThat(sessions.revoke(revoked.id(), "logout", now())).isTrue();
        Session active = sessionOf(store.id(), "cus_active", now().minus(Duration.ofDays(20)));
        TokenHash spentOfActive = active.refreshHash();
        assertThat(sessions.rotate(active.id(), spentOfActive, newHash(), now().minus(Duration.ofDays(19))))
                .isTrue();
        sessions.touch(active.id(), now().minus(Duration.ofDays(1))); // used since, within its 14-day idle time

        sessions.deleteEndedBefore(now().minus(Duration.ofHours(1)), 1000);

        assertThat(sessions.find(store.id(), expired.id())).isEmpty();
        assertThat(sessions.findSpent(store.id(), spentOfExpired)).isEmpty();
        assertThat(sql.count(
                        "SELECT COUNT(*) FROM opaque_access_tokens WHERE session_id = ?",
                        expired.id().value()))
                .isZero();
        assertThat(sessions.find(store.id(), revoked.id()))
                .as("revoked within the keep window")
                .isPresent();

        sessions.deleteEndedBefore(now().plus(Duration.ofMinutes(1)), 1000);

        assertThat(sessions.find(store.id(), revoked.id())).isEmpty();
        assertThat(sessions.find(store.id(), active.id()))
                .as("an active session is never forgotten")
                .isPresent();
        assertThat(sessions.findSpent(store.id(), spentOfActive))
                .as("its spent tokens still tell a replay")
                .isPresent();
    }

    @Test
    void whenASessionEndedByIdleTimeLongBeforeItsExpiryThenItIsForgottenWithItsTokensAndAUsedOneOfTheSameAgeStays() {
        Store store = newStore();
        Instant started = now().minus(Duration.ofDays(300));
        Duration idle = Duration.ofHours(1);
        Duration year = Duration.ofDays(365);
        Session abandoned =
                sessionOf(store.id(), SubjectKind.CUSTOMER, "cus_gone", started, started, idle, started.plus(year));
        TokenHash spentOfAbandoned = abandoned.refreshHash();
        assertThat(sessions.rotate(abandoned.id(), spentOfAbandoned, newHash(), started.plusSeconds(60)))
                .isTrue();
        opaqueTokens.insert(newHash(), abandoned.id());
        Session used =
                sessionOf(store.id(), SubjectKind.CUSTOMER, "cus_kept", started, started, idle, started.plus(year));
        TokenHash spentOfUsed = used.refreshHash();
        assertThat(sessions.rotate(used.id(), spentOfUsed, newHash(), started.plusSeconds(60)))
                .isTrue();
        opaqueTokens.insert(newHash(), used.id());
        sessions.touch(used.id(), now().minus(Duration.ofMinutes(5)));

        assertThat(sessions.deleteEndedBefore(now().minus(Duration.ofDays(7)), 1000))
                .isPositive();

        assertThat(sessions.find(store.id(), abandoned.id())).isEmpty();
        assertThat(sessions.findSpent(store.id(), spentOfAbandoned)).isEmpty();
        assertThat(sql.count(
                        "SELECT COUNT(*) FROM opaque_access_tokens WHERE session_id = ?",
                        abandoned.id().value()))
                .isZero();
        assertThat(sessions.find(store.id(), used.id()))
                .as("as old, but used five minutes ago: active")
                .isPresent();
        assertThat(sessions.findSpent(store.id(), spentOfUsed)).isPresent();
        assertThat(sql.count(
                        "SELECT COUNT(*) FROM opaque_access_tokens WHERE session_id = ?",
                        used.id().value()))
                .isEqualTo(1);
    }

    @Test
    void whenASessionIsUsedThenItsIdleEndMovesAndRetentionWaitsForTheNewOne() {
        Store store = newStore();
        Instant started = Instant.parse("2000-02-10T00:00:00Z");
        Duration idle = Duration.ofHours(1);
        Session touched = sessionOf(
                store.id(), SubjectKind.CUSTOMER, "cus_t", started, started, idle, started.plus(Duration.ofDays(30)));
        Session rotated = sessionOf(
                store.id(), SubjectKind.CUSTOMER, "cus_r", started, started, idle, started.plus(Duration.ofDays(30)));
        Instant usedAt = started.plus(Duration.ofMinutes(40));
        sessions.touch(touched.id(), usedAt);
        assertThat(sessions.rotate(rotated.id(), rotated.refreshHash(), newHash(), usedAt))
                .isTrue();
        Instant newIdleEnd = usedAt.plus(idle);

        assertThat(sessions.deleteEndedBefore(newIdleEnd, 1000))
                .as("the first idle end has passed, the one after the use has not")
                .isZero();
        assertThat(sessions.find(store.id(), touched.id())).isPresent();
        assertThat(sessions.find(store.id(), rotated.id())).isPresent();

        assertThat(sessions.deleteEndedBefore(newIdleEnd.plusSeconds(1), 1000)).isEqualTo(2);
    }

    @Test
    void whenALongIdleTimeOutlastsTheAbsoluteExpiryThenTheSessionIsForgottenAfterItsExpiry() {
        Store store = newStore();
        Instant started = Instant.parse("2000-03-10T00:00:00Z");
        Instant expires = started.plus(Duration.ofDays(1));
        Session session =
                sessionOf(store.id(), SubjectKind.CUSTOMER, "cus_x", started, started, Duration.ofDays(365), expires);
        sessions.touch(session.id(), started.plus(Duration.ofHours(23)));

        assertThat(sessions.deleteEndedBefore(expires, 1000)).isZero();
        assertThat(sessions.deleteEndedBefore(expires.plusSeconds(1), 1000)).isEqualTo(1);
        assertThat(sessions.find(store.id(), session.id())).isEmpty();
    }

    @Test
    void whenASessionIsBothRevokedAndTimedOutThenABatchCountsItOnceAndStillFillsUpWithOtherRevokedOnes() {
        Instant before = now().plusSeconds(60);
        while (sessions.deleteEndedBefore(before, 1000) > 0) {
            // what other tests left ended: this one counts its own sessions only
        }
        Store store = newStore();
        Instant started = Instant.parse("2000-04-10T00:00:00Z");
        Duration idle = Duration.ofHours(1);
        Instant expires = started.plus(Duration.ofDays(30));
        Session timedOut = sessionOf(store.id(), SubjectKind.CUSTOMER, "cus_1", started, started, idle, expires);
        Session both = sessionOf(store.id(), SubjectKind.CUSTOMER, "cus_2", started, started, idle, expires);
        sessions.revoke(both.id(), "logout", started);
        sleepPastTheDatabaseClockTick();
        Session revoked = sessionOf(
                store.id(), SubjectKind.CUSTOMER, "cus_3", now(), now(), idle, now().plus(Duration.ofDays(30)));
        sessions.revoke(revoked.id(), "logout", now());

        assertThat(sessions.deleteEndedBefore(before, 3)).isEqualTo(3);
        assertThat(sessions.deleteEndedBefore(before, 3)).isZero();
        for (Session ended : List.of(timedOut, both, revoked)) {
            assertThat(sessions.find(store.id(), ended.id())).isEmpty();
        }
    }

    @Test
    void whenMoreSessionsEndedThanTheLimitThenOnlyTheLimitIsForgottenPerCall() {
        Store store = newStore();
        Instant longAgo = Instant.parse("2001-05-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            sessionOf(store.id(), "cus_batch" + i, longAgo.minus(Duration.ofDays(30)), longAgo);
        }
        Instant before = longAgo.plus(Duration.ofDays(1));

        assertThat(sessions.deleteEndedBefore(before, 2)).isEqualTo(2);
        assertThat(sessions.deleteEndedBefore(before, 2)).isEqualTo(1);
        assertThat(sessions.deleteEndedBefore(before, 2)).isZero();
    }

    @Test
    void whenOneTransactionReadsASessionThenRotatesAndRevokesItThenItsLaterReadsSeeEachChange() {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        TokenHash next = newHash();
        Instant later = now().plusSeconds(30);

        List<Session> seen = transactions.required(() -> {
            List<Session> reads = new ArrayList<>();
            reads.add(sessions.find(store.id(), session.id()).orElseThrow());
            assertThat(sessions.rotate(session.id(), used, next, later)).isTrue();
            reads.add(sessions.findByRefreshHash(store.id(), next).orElseThrow());
            assertThat(sessions.revoke(session.id(), "logout", later)).isTrue();
            reads.add(sessions.find(store.id(), session.id()).orElseThrow());
            assertThat(sessions.isRevoked(session.id())).isTrue();
            return reads;
        });

        assertThat(seen.get(0).refreshHash()).isEqualTo(used);
        assertThat(seen.get(0).revokedAt()).isNull();
        assertThat(seen.get(1).refreshHash()).isEqualTo(next);
        assertThat(seen.get(1).lastUsedAt()).isEqualTo(later);
        assertThat(seen.get(2).revokedAt()).isEqualTo(later);
        assertThat(seen.get(2).revokeReason()).isEqualTo("logout");
        assertThat(sessions.findByRefreshHash(store.id(), used)).isEmpty();
    }

    @Test
    void whenRacersAtABarrierSpendTheSameTokenEachInItsOwnTransactionThenOneWinsAndTheLosersLeaveNoTrace()
            throws Exception {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        Instant at = Instant.parse("2026-06-07T08:09:10.654321Z");
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Boolean> outcomes = new ArrayList<>();
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                TokenHash next = newHash();
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return transactions.required(() -> sessions.rotate(session.id(), used, next, at));
                }));
            }
            for (Future<Boolean> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(sql.count("SELECT COUNT(*) FROM used_refresh_tokens WHERE token_hash = ?", used.hex()))
                .isEqualTo(1);
        assertThat(sessions.findSpent(store.id(), used)).contains(new SpentRefreshToken(session.id(), at));
        assertThat(sessions.find(store.id(), session.id()).orElseThrow().lastUsedAt())
                .isEqualTo(at);
    }

    @Test
    void whenTwoSessionsWouldShareARefreshHashThenTheSecondInsertIsAUniqueViolation() {
        Store store = newStore();
        TokenHash refresh = newHash();
        newSession(store, refresh);

        assertThatThrownBy(() -> newSession(store, refresh))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
    }
}
