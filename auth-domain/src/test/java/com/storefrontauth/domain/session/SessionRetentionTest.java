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

    /** A session of 30 days (idle and absolute) that expires at {@code expiresAt}. */
    private Session session(Instant expiresAt) {
        return started(expiresAt.minus(Duration.ofDays(30)), Duration.ofDays(30), expiresAt);
    }

    /** A session started now that idles out after {@code idle} and expires after {@code absolute}, as Luxmart's. */
    private Session startedNow(Duration idle, Duration absolute) {
        Instant now = clock.instant();
        return started(now, idle, now.plus(absolute));
    }

    private Session started(Instant at, Duration idle, Instant expiresAt) {
        Session session = new Session(
                SessionId.generate(),
                store,
                SubjectKind.CUSTOMER,
                "cus_1",
                null,
                at,
                at,
                expiresAt,
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
