package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
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
    void whenASessionIsUnknownThenFindIsEmpty() {
        assertThat(sessions.find(SessionId.generate())).isEmpty();
    }
}
