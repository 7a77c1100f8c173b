package com.storefrontauth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRevocationsTest {

    private final MutableClock database = new MutableClock();
    private final InMemorySessions sessions = new InMemorySessions(database);

    private SessionRevocations instance(Clock clock) {
        return sessions.revocations(clock);
    }

    private Session session(Instant now) {
        Session session = new Session(
                SessionId.generate(),
                StoreId.generate(),
                SubjectKind.CUSTOMER,
                "cus_1",
                null,
                now,
                now,
                now.plus(Duration.ofDays(30)),
                Duration.ofDays(14),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("203.0.113.7", "JUnit/5"),
                TokenHash.of(RandomSecret.generate("rt_")));
        sessions.insert(session);
        return session;
    }

    @Test
    void whenAnotherInstanceTellsOfARevocationThenTheNextCheckRefusesTheSessionWithoutWaitingForThePoll() {
        SessionRevocations here = instance(database);
        Session session = session(database.instant());
        assertThat(here.isRevoked(session.id())).isFalse();

        sessions.revoke(session.id(), "logout", database.instant());
        assertThat(here.isRevoked(session.id()))
                .as("not told: known at the next poll")
                .isFalse();
        here.revokedElsewhere();

        assertThat(here.isRevoked(session.id())).isTrue();
    }

    @Test
    void whenSessionsAreRevokedHereThenTheOtherInstancesAreToldOnceTheRevocationHasCommitted() {
        SessionRevocations here = instance(database);
        List<PeerChange> told = new ArrayList<>();
        here.peers = told::add;
        List<Runnable> afterCommit = new ArrayList<>();
        here.transactions = new DirectTransactions() {
            @Override
            public void afterCommit(Runnable action) {
                afterCommit.add(action);
            }
        };

        here.pollNow();
        assertThat(told).as("nothing told before the commit").isEmpty();
        afterCommit.forEach(Runnable::run);

        assertThat(told).containsExactly(PeerChange.of(PeerChange.Kind.SESSIONS_REVOKED));
    }

    @Test
    void whenAnotherInstanceWhoseClockIsHoursBehindRevokesASessionThenTheNextPollStillPicksItUp() {
        MutableClock polling = new MutableClock();
        MutableClock behind = new MutableClock();
        database.advance(Duration.ofHours(3));
        polling.advance(Duration.ofHours(3));
        SessionRevocations here = instance(polling);
        Session session = session(polling.instant());
        assertThat(here.isRevoked(session.id())).isFalse();

        sessions.revoke(session.id(), "logout", behind.instant());
        for (MutableClock clock : new MutableClock[] {database, polling, behind}) {
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(here.isRevoked(session.id())).isTrue();
    }

    @Test
    void whenThisInstanceClockIsAheadOfTheDatabaseThenRevocationsAreStillPickedUp() {
        MutableClock ahead = new MutableClock();
        ahead.advance(Duration.ofHours(5));
        SessionRevocations here = instance(ahead);
        Session session = session(database.instant());
        assertThat(here.isRevoked(session.id())).isFalse();

        database.advance(Duration.ofSeconds(1));
        sessions.revoke(session.id(), "logout", database.instant());
        database.advance(Duration.ofSeconds(1));
        ahead.advance(Duration.ofSeconds(2));

        assertThat(here.isRevoked(session.id())).isTrue();
    }
}
