package com.storefrontauth.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityRollupTest {

    private static final StoreId STORE = StoreId.generate();
    private static final Set<AuditEventType> SIGN_INS = Set.of(AuditEventType.LOGIN_SUCCEEDED);

    private final RecordedEvents events = new RecordedEvents();
    private final InMemoryActivityRollups rollups = new InMemoryActivityRollups(events);
    private final MutableClock clock = new MutableClock();
    private final ActivityRollup rollup = new ActivityRollup(rollups, new DirectTransactions(), clock);

    /** The clock at {@code instant} (it starts at 2026-01-01T00:00Z and only moves forward). */
    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private void signIn(String at) {
        events.insert(new AuditEvent(
                AuditEvent.newId(),
                STORE,
                AuditEventType.LOGIN_SUCCEEDED,
                "cus_a",
                null,
                null,
                Map.of(),
                Instant.parse(at)));
    }

    private static Instant hour(String at) {
        return Instant.parse(at);
    }

    @Test
    void whenRunThenEveryHourOverForTheGraceIsRolledFromTheDashboardsFirstHourButNotTheCurrentOne() {
        at("2026-01-10T10:04:59Z");

        int rolled = rollup.run();

        assertThat(rolled)
                .as("6 days and 9 hours: 09:00 ended under 5 minutes ago")
                .isEqualTo(6 * 24 + 9);
        assertThat(rollups.rolled().get(0)).isEqualTo(hour("2026-01-04T00:00:00Z"));
        assertThat(rollups.rolledUntil()).contains(hour("2026-01-10T09:00:00Z"));

        at("2026-01-10T10:05:00Z");
        assertThat(rollup.run()).isEqualTo(1);
        assertThat(rollups.rolledUntil()).contains(hour("2026-01-10T10:00:00Z"));

        at("2026-01-10T10:59:59Z");
        assertThat(rollup.run()).as("the current hour is never rolled").isZero();
        assertThat(rollups.rolledUntil()).contains(hour("2026-01-10T10:00:00Z"));
    }

    @Test
    void whenRunAgainThenNoHourIsCountedTwice() {
        signIn("2026-01-10T08:10:00Z");
        signIn("2026-01-10T08:50:00Z");
        at("2026-01-10T10:30:00Z");
        rollup.run();

        assertThat(rollup.run()).isZero();
        at("2026-01-10T11:30:00Z");
        assertThat(rollup.run()).isEqualTo(1);

        assertThat(rollups.rolled()).doesNotHaveDuplicates();
        assertThat(rollups.counts(STORE, SIGN_INS, hour("2026-01-10T00:00:00Z"), hour("2026-01-11T00:00:00Z")))
                .containsExactly(new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, hour("2026-01-10T08:00:00Z"), 2));
    }

    @Test
    void whenAnotherInstanceRollsTheSameHourFirstThenThisOneSkipsItAndGoesOnFromWhereItEnds() {
        signIn("2026-01-10T07:30:00Z");
        signIn("2026-01-10T08:30:00Z");
        at("2026-01-10T08:30:00Z");
        rollup.run();
        at("2026-01-10T10:30:00Z");
        rollups.interleave(() -> rollups.rollUp(rollups.rolledUntil(), hour("2026-01-10T08:00:00Z")));

        assertThat(rollup.run())
                .as("08:00 was the other instance's, 09:00 this one's")
                .isEqualTo(1);

        assertThat(rollups.rolled()).endsWith(hour("2026-01-10T08:00:00Z"), hour("2026-01-10T09:00:00Z"));
        assertThat(rollups.rolled()).doesNotHaveDuplicates();
        assertThat(rollups.counts(STORE, SIGN_INS, hour("2026-01-10T00:00:00Z"), hour("2026-01-11T00:00:00Z")))
                .extracting(HourlyCount::count)
                .containsExactly(1L, 1L);
    }

    @Test
    void whenTheRollUpFellBehindTheDashboardsWeekThenItStartsAtTheWeekAndForgetsOlderCounts() {
        signIn("2026-01-03T12:10:00Z");
        at("2026-01-03T14:00:00Z");
        rollup.run();
        assertThat(rollups.counts(STORE, SIGN_INS, Instant.EPOCH, hour("2026-02-01T00:00:00Z")))
                .hasSize(1);

        at("2026-01-20T00:30:00Z");
        rollup.run();

        assertThat(rollups.rolled()).contains(hour("2026-01-14T00:00:00Z"));
        assertThat(rollups.rolled()).doesNotContain(hour("2026-01-13T23:00:00Z"));
        assertThat(rollups.counts(STORE, SIGN_INS, Instant.EPOCH, hour("2026-02-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void liveFromWhenRolledInsideThePeriodThenTheRollUpsEndElseThePeriodsStart() {
        Instant since = hour("2026-01-04T00:00:00Z");
        Instant end = hour("2026-01-10T09:00:00Z");

        assertThat(ActivityRollup.liveFrom(since, Optional.of(end))).isEqualTo(end);
        assertThat(ActivityRollup.liveFrom(since, Optional.empty())).isEqualTo(since);
        assertThat(ActivityRollup.liveFrom(since, Optional.of(since.minusSeconds(3600))))
                .isEqualTo(since);
    }
}
