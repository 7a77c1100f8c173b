package com.storefrontauth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A flood of guest sign-ins and logouts: the in-memory set stays bounded and never forgets a revocation. */
class SessionRevocationsCapTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger lookups = new AtomicInteger();
    private final InMemorySessions sessions = new InMemorySessions(clock) {
        @Override
        public boolean isRevoked(SessionId id) {
            lookups.incrementAndGet();
            return super.isRevoked(id);
        }
    };
    private final SessionRevocations revocations = new SessionRevocations();

    {
        revocations.sessions = sessions;
        revocations.transactions = new DirectTransactions();
        revocations.clock = clock;
        revocations.peers = change -> {};
        revocations.maxEntries = 100;
    }

    private Session guest() {
        Session session = new Session(
                SessionId.generate(),
                StoreId.generate(),
                SubjectKind.GUEST,
                "anon_1",
                null,
                clock.instant(),
                clock.instant(),
                clock.instant().plus(Duration.ofDays(30)),
                Duration.ofDays(14),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("203.0.113.7", "flood"),
                TokenHash.of(RandomSecret.generate("rt_")));
        sessions.insert(session);
        return session;
    }

    @Test
    void whenMoreSessionsAreRevokedThanTheCapThenTheSetStaysBoundedAndEveryRevocationIsStillSeen() {
        List<Session> flood = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Session session = guest();
            sessions.revoke(session.id(), "logout", clock.instant());
            flood.add(session);
            clock.advance(Duration.ofMillis(5));
            revocations.pollNow();
            assertThat(revocations.size()).isLessThanOrEqualTo(100);
        }
        Session live = guest();

        assertThat(flood)
                .allSatisfy(session ->
                        assertThat(revocations.isRevoked(session.id())).isTrue());
        assertThat(revocations.isRevoked(live.id())).isFalse();
        assertThat(lookups.get())
                .as("sessions not in the set are looked up while some were dropped")
                .isPositive();
    }

    @Test
    void whenEveryTokenOfTheDroppedSessionsHasExpiredThenNoLookupIsMadeAnyMore() {
        for (int i = 0; i < 200; i++) {
            sessions.revoke(guest().id(), "logout", clock.instant());
            clock.advance(Duration.ofMillis(5));
            revocations.pollNow();
        }
        clock.advance(SigningKey.LONGEST_TOKEN_LIFETIME.plusSeconds(2));
        revocations.pollNow();
        int before = lookups.get();

        assertThat(revocations.isRevoked(guest().id())).isFalse();
        assertThat(lookups.get()).isEqualTo(before);
        assertThat(revocations.size()).isZero();
    }
}
