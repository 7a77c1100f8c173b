package com.storefrontauth.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.activity.ActivitySummary.Bucket;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.session.InMemorySessions;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.InMemoryStores;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreActivityTest {

    private final Store store = Store.open("Shop", StoreMode.TEST, Instant.EPOCH);
    private final Operator admin = new Operator.PlatformAdmin(AccountId.generate());
    private final RecordedEvents events = new RecordedEvents();
    private final InMemoryActivityRollups rollups = new InMemoryActivityRollups(events);
    private final MutableClock clock = new MutableClock();
    private final InMemorySessions sessions = new InMemorySessions(clock);
    private final ActivityRollup rollup = new ActivityRollup(rollups, new DirectTransactions(), clock);
    private final StoreActivity activity = new StoreActivity(
            events,
            rollups,
            sessions,
            new StoreAccess(InMemoryStores.of(store), null),
            new DirectTransactions(),
            clock);

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private void event(AuditEventType type, String at) {
        events.insert(
                new AuditEvent(AuditEvent.newId(), store.id(), type, "cus_a", null, null, Map.of(), Instant.parse(at)));
    }

    @Test
    void whenHoursAreRolledUpThenTheDashboardSumsThemAndCountsTheHoursSinceLiveEachEventOnce() {
        event(AuditEventType.LOGIN_SUCCEEDED, "2026-01-09T23:59:59Z");
        event(AuditEventType.LOGIN_SUCCEEDED, "2026-01-10T08:10:00Z");
        event(AuditEventType.LOGIN_FAILED, "2026-01-10T08:20:00Z");
        event(AuditEventType.OTP_SENT, "2026-01-10T08:30:00Z");
        at("2026-01-10T09:30:00Z");
        rollup.run();
        event(AuditEventType.LOGIN_SUCCEEDED, "2026-01-10T09:40:00Z");
        event(AuditEventType.OTP_FAILED, "2026-01-10T10:01:00Z");
        at("2026-01-10T10:02:00Z");
        rollup.run();
        assertThat(rollups.rolledUntil())
                .as("09:00 is not over for 5 minutes yet: it is counted live")
                .contains(Instant.parse("2026-01-10T09:00:00Z"));

        ActivitySummary summary = activity.summary(admin, store.id());

        assertThat(summary.today()).isEqualTo(new Bucket(Instant.parse("2026-01-10T00:00:00Z"), 2, 2, 1));
        assertThat(summary.lastDay().subList(21, 24))
                .containsExactly(
                        new Bucket(Instant.parse("2026-01-10T08:00:00Z"), 1, 1, 1),
                        new Bucket(Instant.parse("2026-01-10T09:00:00Z"), 1, 0, 0),
                        new Bucket(Instant.parse("2026-01-10T10:00:00Z"), 0, 1, 0));
        assertThat(summary.lastWeek().get(5).signIns()).isEqualTo(1);
    }

    @Test
    void whenNothingWasRolledUpYetThenEveryHourOfTheWeekIsCountedLive() {
        event(AuditEventType.LOGIN_SUCCEEDED, "2026-01-05T08:10:00Z");
        event(AuditEventType.LOGIN_SUCCEEDED, "2026-01-10T08:10:00Z");
        at("2026-01-10T10:02:00Z");

        ActivitySummary summary = activity.summary(admin, store.id());

        assertThat(summary.lastWeek()).extracting(Bucket::signIns).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 1L);
    }

    @Test
    void whenAStoreHasMoreActiveSessionsThanCountedThenTheDashboardShowsTheLimitAndMore() {
        at("2026-01-10T10:00:00Z");
        for (int i = 0; i < ActivitySummary.ACTIVE_SESSIONS_COUNTED; i++) {
            sessions.insert(session());
        }
        ActivitySummary exactly = activity.summary(admin, store.id());
        sessions.insert(session());

        ActivitySummary more = activity.summary(admin, store.id());

        assertThat(exactly.activeSessions()).isEqualTo(ActivitySummary.ACTIVE_SESSIONS_COUNTED);
        assertThat(exactly.moreActiveSessions()).isFalse();
        assertThat(more.activeSessions()).isEqualTo(ActivitySummary.ACTIVE_SESSIONS_COUNTED);
        assertThat(more.moreActiveSessions()).isTrue();
    }

    private Session session() {
        Instant now = clock.instant();
        return new Session(
                SessionId.generate(),
                store.id(),
                SubjectKind.CUSTOMER,
                "cus_a",
                null,
                now,
                now,
                now.plus(Duration.ofDays(30)),
                Duration.ofDays(7),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo(null, null),
                TokenHash.of("rt_" + SessionId.generate().value()));
    }
}
