package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcSessionRepositoryTest extends RepositoryTest {

    private static final int RACERS = 20;

    /** A customer session of the subject, created at the given instant and expiring at the other. */
    private static Session sessionOf(StoreId store, String subject, Instant createdAt, Instant expiresAt) {
        Session session = new Session(SessionId.generate(), store, SubjectKind.CUSTOMER, subject, null, createdAt,
                createdAt, expiresAt, Duration.ofDays(14), Duration.ofMinutes(15), null, null,
                new ClientInfo("203.0.113.7", "JUnit/5"), newHash());
        sessions.insert(session);
        return session;
    }

    private static Session sessionOf(StoreId store, String subject, Instant createdAt) {
        return sessionOf(store, subject, createdAt, createdAt.plus(Duration.ofDays(30)));
    }

    private static List<SessionId> ids(List<Session> list) {
        return list.stream().map(Session::id).toList();
    }

    @Test
    void whenASessionIsInsertedThenItIsFoundByIdAndByRefreshHashWithEveryField() {
        Store store = newStore();
        TokenHash refresh = newHash();
        Session session = newSession(store, refresh);

        Session found = sessions.find(session.id()).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(session);
        assertThat(sessions.findByRefreshHash(refresh)).map(Session::id).contains(session.id());
        assertThat(sessions.findByRefreshHash(newHash())).isEmpty();
        assertThat(sessions.find(SessionId.generate())).isEmpty();
    }

    @Test
    void whenAMerchantSessionHasNoStoreAndNoClientThenItRoundTripsWithNulls() {
        Instant now = now();
        Session session = new Session(SessionId.generate(), null, SubjectKind.MERCHANT, "acc_x", "anon-1", now, now,
                now.plus(Duration.ofHours(8)), Duration.ofHours(1), Duration.ofMinutes(5), null, null,
                new ClientInfo(null, null), newHash());
        sessions.insert(session);

        Session found = sessions.find(session.id()).orElseThrow();

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
        Session found = sessions.findByRefreshHash(next).orElseThrow();
        assertThat(found.id()).isEqualTo(session.id());
        assertThat(found.lastUsedAt()).isEqualTo(later);
        assertThat(sessions.findByRefreshHash(used)).isEmpty();
        assertThat(sessions.findByUsedRefreshHash(used)).contains(session.id());
        assertThat(sessions.findByUsedRefreshHash(next)).isEmpty();
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
        assertThat(sessions.find(session.id())).map(Session::refreshHash).contains(next);
    }

    @Test
    void whenARevokedSessionIsRotatedThenItLosesAndTheTokenIsNotRecordedAsSpent() {
        Store store = newStore();
        TokenHash used = newHash();
        Session session = newSession(store, used);
        sessions.revoke(session.id(), "logout", now());

        boolean rotated = transactions.required(() -> sessions.rotate(session.id(), used, newHash(), now()));

        assertThat(rotated).isFalse();
        assertThat(sessions.find(session.id())).map(Session::refreshHash).contains(used);
        assertThat(sessions.findByUsedRefreshHash(used)).isEmpty();
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
            assertThat(sessions.find(session.id())).map(Session::refreshHash).contains(winners.get(0));
            assertThat(sessions.findByUsedRefreshHash(used)).contains(session.id());
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
        assertThat(sessions.revoke(session.id(), "refresh_token_reused", first.plusSeconds(5))).isFalse();

        Session found = sessions.find(session.id()).orElseThrow();
        assertThat(found.revokedAt()).isEqualTo(first);
        assertThat(found.revokeReason()).isEqualTo("logout");
    }

    @Test
    void whenSessionsAreRevokedThenRevokedSinceListsThoseAfterTheGivenTime() {
        Store store = newStore();
        Session early = newSession(store, newHash());
        Session late = newSession(store, newHash());
        Session active = newSession(store, newHash());
        Instant now = now();
        sessions.revoke(early.id(), "logout", now.minusSeconds(120));
        sessions.revoke(late.id(), "logout", now);

        assertThat(sessions.revokedSince(now.minusSeconds(60)))
                .extracting(SessionRepository.Revocation::id)
                .contains(late.id())
                .doesNotContain(early.id(), active.id());
        assertThat(sessions.revokedSince(now.minusSeconds(600)))
                .extracting(SessionRepository.Revocation::id)
                .contains(early.id(), late.id());
    }

    @Test
    void whenASessionIsUnknownThenFindIsEmpty() {
        assertThat(sessions.find(SessionId.generate())).isEmpty();
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

        assertThat(ids(sessions.listUnrevoked(store.id(), "cus_a", now))).containsExactly(longLived.id(),
                shortLived.id());
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
            Session found = sessions.find(ended.id()).orElseThrow();
            assertThat(found.revokedAt()).isEqualTo(now);
            assertThat(found.revokeReason()).isEqualTo("password_changed");
        }
        Session stillRevoked = sessions.find(earlier.id()).orElseThrow();
        assertThat(stillRevoked.revokedAt()).isEqualTo(loggedOut);
        assertThat(stillRevoked.revokeReason()).isEqualTo("logout");
        assertThat(sessions.find(current.id()).orElseThrow().revokedAt()).isNull();
        assertThat(sessions.find(otherSubject.id()).orElseThrow().revokedAt()).isNull();
        assertThat(sessions.find(otherStore.id()).orElseThrow().revokedAt()).isNull();
        assertThat(ids(sessions.listUnrevoked(store.id(), "cus_a", now))).containsExactly(current.id());
    }

    @Test
    void whenAllSessionsOfASubjectAreRevokedWithoutAnExceptionThenEveryOneEndsAndAgainChangesNothing() {
        Store store = newStore();
        Instant now = now();
        sessionOf(store.id(), "cus_a", now.minusSeconds(300));
        sessionOf(store.id(), "cus_a", now.minusSeconds(200));
        Session otherSubject = sessionOf(store.id(), "cus_b", now.minusSeconds(100));

        int revoked = transactions.required(() -> sessions.revokeAllOf(store.id(), "cus_a", null, "account_deleted",
                now));

        assertThat(revoked).isEqualTo(2);
        assertThat(sessions.listUnrevoked(store.id(), "cus_a", now)).isEmpty();
        assertThat(sessions.revokeAllOf(store.id(), "cus_a", null, "account_deleted", now.plusSeconds(1))).isZero();
        assertThat(ids(sessions.listUnrevoked(store.id(), null, now))).containsExactly(otherSubject.id());
    }
}
