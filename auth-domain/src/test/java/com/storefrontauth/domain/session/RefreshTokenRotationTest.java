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
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final SessionIssuer issuer = new SessionIssuer(sessions, claims -> "jwt-" + signed.incrementAndGet(), clock);
    private final SessionRevocations revocations = revocations();
    private final RefreshTokenRotation rotation =
            new RefreshTokenRotation(sessions, issuer, audit, new DirectTransactions(), revocations, clock);
    private final StoreId store = StoreId.generate();

    private SessionRevocations revocations() {
        SessionRevocations known = new SessionRevocations();
        known.sessions = sessions;
        known.transactions = new DirectTransactions();
        known.clock = clock;
        return known;
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
        assertThat(sessions.find(first.session().id()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
        assertThat(events.types()).containsExactly(AuditEventType.TOKEN_REFRESHED);
    }

    @Test
    void rotateWhenTokenWasAlreadyUsedThenRevokesWholeSessionAndRecordsReuse() {
        TokenGrant first = signIn();
        TokenGrant second = rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);

        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT));

        assertThat(revoked(first.session().id())).isTrue();
        assertThat(revocations.isRevoked(first.session().id())).as("known in memory at once").isTrue();
        assertThat(events.types()).contains(AuditEventType.REFRESH_TOKEN_REUSED);
        assertRefused(() -> rotation.rotate(second.refreshToken(), RefreshScope.storefront(store), CLIENT));
    }

    @Test
    void rotateWhenPresentedConcurrentlyThenExactlyOneWins() throws Exception {
        TokenGrant first = signIn();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Boolean>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    try {
                        rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT);
                        return true;
                    } catch (DomainException e) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
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
        for (int day = 0; day < 29; day++) {
            clock.advance(Duration.ofHours(23));
            grant = rotation.rotate(grant.refreshToken(), RefreshScope.storefront(store), CLIENT);
        }
        clock.advance(Duration.ofDays(2).minusHours(1));
        String last = grant.refreshToken();
        assertRefused(() -> rotation.rotate(last, RefreshScope.storefront(store), CLIENT));
    }

    @Test
    void rotateWhenPresentedToAnotherStoreThenUnknownThereAndSessionKept() {
        TokenGrant first = signIn();
        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.storefront(StoreId.generate()), CLIENT));
        assertRefused(() -> rotation.rotate(first.refreshToken(), RefreshScope.management(), CLIENT));
        assertThat(revoked(first.session().id())).isFalse();
        assertThat(rotation.rotate(first.refreshToken(), RefreshScope.storefront(store), CLIENT)).isNotNull();
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

    private boolean revoked(SessionId id) {
        return sessions.find(id).orElseThrow().revokedAt() != null;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REFRESH_TOKEN));
    }
}
