package com.storefrontauth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreDirectory;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshTokenRotationTest {

    private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");
    private static final SessionLifetimes LIFETIMES =
            new SessionLifetimes(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(1));

    private final MutableClock clock = new MutableClock();
    private final InMemorySessions sessions = new InMemorySessions(clock);
    private final RecordedEvents events = new RecordedEvents();
    private final AtomicInteger signed = new AtomicInteger();
    private final AuditLog audit = events.log(clock);
    private final SessionIssuer issuer =
            new SessionIssuer(sessions, claims -> "jwt-" + signed.incrementAndGet(), clock);
    private final SessionRevocations revocations = sessions.revocations(clock);
    private final Store shop = Store.open("Shop", StoreMode.TEST, Instant.EPOCH);
    private final StoreId store = shop.id();
    private final RefreshTokenRotation rotation = new RefreshTokenRotation(
            sessions,
            issuer,
            audit,
            new DirectTransactions(),
            new SessionEnding(sessions, revocations, audit, new DirectTransactions(), clock),
            new RefreshSuccessors(new byte[32]),
            directory(),
            clock);

    /** The store's policy as the directory serves it; this test's store only. */
    private StoreDirectory directory() {
        return new StoreDirectory() {
            @Override
            public Optional<Store> find(StoreId id) {
                return Optional.of(shop).filter(found -> found.id().equals(id));
            }
        };
    }

    private void graceSeconds(long seconds) {
        shop.replacePolicy(LoginPolicy.restore(Map.of("refresh_reuse_grace_seconds", seconds)));
    }

    private TokenGrant signIn() {
        return issuer.start(store, SubjectKind.CUSTOMER, "cus_1", null, LIFETIMES, CLIENT);
    }

    @Test
    void rotateWhenTokenIsCurrentThenNewPairAndOldTokenSpent() {
        TokenGrant first = signIn();
        clock.advance(Duration.ofMinutes(1));
        TokenGrant second = rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken()).startsWith("rt_");
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.session().id()).isEqualTo(first.session().id());
        assertThat(sessions.find(store, first.session().id()).orElseThrow().lastUsedAt())
                .isEqualTo(clock.instant());
        assertThat(events.types()).containsExactly(AuditEventType.TOKEN_REFRESHED);
    }

    @Test
    void rotateWhenTheSuccessorWasUsedThenTheSpentTokenIsReuseThatRevokesWholeSession() {
        TokenGrant first = signIn();
        TokenGrant second = rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);
        TokenGrant third = rotation.rotate(second.refreshToken(), RefreshScope.storefront(store), CLIENT);

        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT));

        assertThat(revoked(first.session().id())).isTrue();
        assertThat(revocations.isRevoked(first.session().id()))
                .as("known in memory at once")
                .isTrue();
        assertThat(events.types()).contains(AuditEventType.REFRESH_TOKEN_REUSED);
        assertRefused(() -> rotation.rotate(third.refreshToken(), RefreshScope.storefront(store), CLIENT));
    }

    @Test
    void rotateWhenTheTokenSpentLastIsPresentedAgainWithinTheGraceThenTheSameSuccessorIsAnswered() {
        TokenGrant first = signIn();
        TokenGrant second = rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);
        clock.advance(Duration.ofSeconds(29));

        TokenGrant retried = rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);

        assertThat(retried.refreshToken()).isEqualTo(second.refreshToken());
        assertThat(retried.accessToken()).isNotEqualTo(second.accessToken());
        assertThat(revoked(first.session().id())).isFalse();
        assertThat(rotation.rotate(retried.refreshToken(), RefreshScope.storefront(store), CLIENT))
                .isNotNull();
        assertThat(events.types()).doesNotContain(AuditEventType.REFRESH_TOKEN_REUSED);
    }

    @Test
    void rotateWhenTheTokenSpentLastIsPresentedAgainAfterTheGraceThenItIsReuse() {
        TokenGrant first = signIn();
        TokenGrant second = rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);
        clock.advance(Duration.ofSeconds(30));

        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT));

        assertThat(revoked(first.session().id())).isTrue();
        assertRefused(() -> rotation.rotate(second.refreshToken(), RefreshScope.storefront(store), CLIENT));
    }

    @Test
    void rotateWhenTheStoreAllowsNoGraceThenEverySecondPresentationIsReuse() {
        graceSeconds(0);
        TokenGrant first = signIn();
        rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);

        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT));

        assertThat(revoked(first.session().id())).isTrue();
    }

    @Test
    void rotateWhenPresentedConcurrentlyThenEveryPresentationHoldsTheOneLiveSuccessor() throws Exception {
        TokenGrant first = signIn();

        List<String> answered = presentConcurrently(first.refreshToken(), 20);

        assertThat(answered).hasSize(20).containsOnly(answered.get(0));
        assertThat(revoked(first.session().id())).isFalse();
        assertThat(rotation.rotate(answered.get(0), RefreshScope.storefront(store), CLIENT))
                .isNotNull();
    }

    @Test
    void rotateWhenPresentedConcurrentlyWithoutGraceThenExactlyOneWins() throws Exception {
        graceSeconds(0);
        TokenGrant first = signIn();

        assertThat(presentConcurrently(first.refreshToken(), 20)).hasSize(1);
    }

    /** The refresh tokens answered to {@code count} presentations of {@code token} made at once. */
    private List<String> presentConcurrently(String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<String>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit(() -> {
                    try {
                        return rotation.rotate(token, RefreshScope.storefront(store), CLIENT)
                                .refreshToken();
                    } catch (DomainException e) {
                        return null;
                    }
                }));
            }
            List<String> answered = new ArrayList<>();
            for (Future<String> result : results) {
                String refreshToken = result.get();
                if (refreshToken != null) {
                    answered.add(refreshToken);
                }
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rotateWhenSessionIdleTooLongThenRefusedWithoutReuse() {
        TokenGrant first = signIn();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT));
        assertThat(events.types()).doesNotContain(AuditEventType.REFRESH_TOKEN_REUSED);
    }

    @Test
    void rotateWhenUsedWithinIdleWindowThenAbsoluteExpiryStillEndsIt() {
        TokenGrant grant = signIn();
        Instant absoluteEnd = clock.instant().plus(LIFETIMES.absolute());
        Duration gap = LIFETIMES.idle().minusHours(1);
        while (clock.instant().plus(gap).isBefore(absoluteEnd)) {
            clock.advance(gap);
            grant = rotation.rotate(grant.refreshToken(), RefreshScope.storefront(store), CLIENT);
        }
        // used again within the idle window once more, but past the absolute expiry: only that can refuse it
        clock.advance(gap);
        assertThat(clock.instant()).isAfter(absoluteEnd);
        String last = grant.refreshToken();
        assertRefused(() -> rotation.rotate(last, RefreshScope.storefront(store), CLIENT));
    }

    @Test
    void rotateWhenPresentedToAnotherStoreThenUnknownThereAndSessionKept() {
        TokenGrant first = signIn();
        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(StoreId.generate()), CLIENT));
        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.management(), CLIENT));
        assertThat(revoked(first.session().id())).isFalse();
        assertThat(rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT))
                .isNotNull();
    }

    @Test
    void rotateWhenTokenIsGarbageThenInvalidRefreshToken() {
        assertRefused(() -> rotation.rotate("not-a-token", RefreshScope.storefront(store), CLIENT));
        assertRefused(() -> rotation.rotate(null, RefreshScope.storefront(store), CLIENT));
        assertRefused(() -> rotation.rotate("rt_" + "x".repeat(300), RefreshScope.storefront(store), CLIENT));
    }

    @Test
    void logoutWhenTokenIsCurrentThenSessionRevokedAndRefreshRefused() {
        TokenGrant first = signIn();
        rotation.logout(first.refreshToken(), RefreshScope.storefront(store), CLIENT);
        assertThat(revoked(first.session().id())).isTrue();
        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT));
        assertThat(events.types()).contains(AuditEventType.LOGOUT);
    }

    /**
     * The housekeeping keeps an active session's spent tokens however old (README, "What is kept"): the
     * victim of a stolen token who comes back after the thief has kept the session alive for weeks, long
     * past the victim's own idle window, still ends the thief's session by presenting the token it holds.
     */
    @Test
    void rotateWhenAThiefKeptTheSessionAliveForWeeksThenTheVictimsSpentTokenStillRevokesItAfterEveryHousekeeping() {
        SessionRetention retention = new SessionRetention(sessions, new DirectTransactions(), clock);
        TokenGrant victims = signIn();
        TokenGrant thiefs = rotation.rotate(victims.refreshToken(), RefreshScope.storefront(store), CLIENT);
        for (int day = 0; day < 20; day++) {
            clock.advance(LIFETIMES.idle().minusHours(1));
            thiefs = rotation.rotate(thiefs.refreshToken(), RefreshScope.storefront(store), CLIENT);
            retention.prune();
        }

        assertRefused(() -> rotation.rotate(victims.refreshToken(), RefreshScope.storefront(store), CLIENT));

        assertThat(revoked(victims.session().id())).isTrue();
        assertThat(events.types()).contains(AuditEventType.REFRESH_TOKEN_REUSED);
        String stolen = thiefs.refreshToken();
        assertRefused(() -> rotation.rotate(stolen, RefreshScope.storefront(store), CLIENT));
    }

    private boolean revoked(SessionId id) {
        return sessions.isRevoked(id);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REFRESH_TOKEN));
    }
}
