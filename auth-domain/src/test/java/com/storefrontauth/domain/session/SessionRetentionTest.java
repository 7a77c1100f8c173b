package com.storefrontauth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.CountingTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionRetentionTest {

    private final MutableClock clock = new MutableClock();
    private final InMemorySessions sessions = new InMemorySessions(clock);
    private final CountingTransactions transactions = new CountingTransactions();
    private final SessionRetention retention = new SessionRetention(sessions, transactions, clock);
    private final StoreId store = StoreId.generate();

    private Session session(Instant expiresAt) {
        Instant created = expiresAt.minus(Duration.ofDays(30));
        Session session = new Session(
                SessionId.generate(),
                store,
                SubjectKind.CUSTOMER,
                "cus_1",
                null,
                created,
                created,
                expiresAt,
                Duration.ofDays(30),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("127.0.0.1", "test"),
                TokenHash.of("rt_" + SessionId.generate().value()));
        sessions.insert(session);
        return session;
    }

    /** A session started now that idles out after {@code idle} and expires after {@code absolute}, as Luxmart's. */
    private Session startedNow(Duration idle, Duration absolute) {
        Instant now = clock.instant();
        Session session = new Session(
                SessionId.generate(),
                store,
                SubjectKind.CUSTOMER,
                "cus_1",
                null,
                now,
                now,
                now.plus(absolute),
                idle,
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("127.0.0.1", "test"),
                TokenHash.of("rt_" + SessionId.generate().value()));
        sessions.insert(session);
        return session;
    }

    @Test
    void whenASessionEndedByIdleTimeThenItIsForgottenAWeekAfterItsIdleEndWhileAUsedOneOfTheSameAgeStays() {
        Duration idle = Duration.ofDays(1);
        Session abandoned = startedNow(idle, Duration.ofDays(365));
        Session used = startedNow(idle, Duration.ofDays(365));
        clock.advance(Duration.ofHours(20));
        sessions.touch(used.id(), clock.instant());
        clock.advance(Duration.ofHours(20));
        sessions.touch(used.id(), clock.instant());

        clock.advance(Duration.ofDays(6)); // the abandoned session's idle end was 6 days and 16 hours ago
        assertThat(retention.prune()).isZero();
        clock.advance(Duration.ofHours(9));
        assertThat(sessions.find(store, abandoned.id()).orElseThrow().isActive(clock.instant()))
                .isFalse();
        assertThat(retention.prune()).isEqualTo(1);

        assertThat(sessions.find(store, abandoned.id()))
                .as("forgotten a week after its idle end, a year before its absolute expiry")
                .isEmpty();
        assertThat(sessions.find(store, used.id()))
                .as("same age, used later: its idle window closed under a week ago")
                .isPresent();
    }

    @Test
    void whenASessionStartedLongAgoIsStillWithinItsIdleWindowThenItIsKept() {
        Session longIdle = startedNow(Duration.ofDays(365), Duration.ofDays(365));
        clock.advance(Duration.ofDays(300));

        assertThat(retention.prune()).isZero();
        assertThat(sessions.find(store, longIdle.id()).orElseThrow().isActive(clock.instant()))
                .isTrue();
    }

    @Test
    void whenSessionsEndedOverAWeekAgoThenTheyAreForgottenAndNewerOrActiveOnesStay() {
        Instant now = clock.instant();
        Session expiredLongAgo = session(now.minus(Duration.ofDays(8)));
        Session expiredRecently = session(now.minus(Duration.ofDays(6)));
        Session active = session(now.plus(Duration.ofDays(20)));

        assertThat(retention.prune()).isEqualTo(1);

        assertThat(sessions.find(store, expiredLongAgo.id())).isEmpty();
        assertThat(sessions.find(store, expiredRecently.id())).isPresent();
        assertThat(sessions.find(store, active.id())).isPresent();
    }

    @Test
    void whenARevokedSessionsWeekHasPassedThenItIsForgottenButNotBefore() {
        Session revoked = session(clock.instant().plus(Duration.ofDays(20)));
        sessions.revoke(revoked.id(), "logout", clock.instant());

        clock.advance(Duration.ofDays(6));
        assertThat(retention.prune()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(sessions.find(store, revoked.id())).isEmpty();
    }

    @Test
    void whenTheBacklogExceedsOneBatchThenEveryEndedSessionIsForgottenInOneRun() {
        int backlog = SessionRetention.BATCH * 2 + 7;
        for (int i = 0; i < backlog; i++) {
            session(clock.instant().minus(Duration.ofDays(9)));
        }
        Session active = session(clock.instant().plus(Duration.ofDays(1)));

        assertThat(retention.prune()).isEqualTo(backlog);
        assertThat(transactions.begun()).as("two full batches and a short one").isEqualTo(3);
        assertThat(sessions.sessions.keySet()).containsExactly(active.id());
    }
}
