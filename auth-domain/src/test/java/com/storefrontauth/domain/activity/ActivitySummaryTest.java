package com.storefrontauth.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.activity.ActivitySummary.Bucket;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivitySummaryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:25:00Z");

    @Test
    void sinceWhenAskedThenMidnightSixDaysBeforeToday() {
        assertThat(ActivitySummary.since(NOW)).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void ofWhenCountsSpreadOverTheWeekThenTodayCountsOnlyFromMidnight() {
        ActivitySummary summary = ActivitySummary.of(
                List.of(
                        count(AuditEventType.LOGIN_SUCCEEDED, "2026-11-28T09:00:00Z", 3),
                        count(AuditEventType.LOGIN_SUCCEEDED, "2026-11-27T23:00:00Z", 5),
                        count(AuditEventType.LOGIN_FAILED, "2026-11-28T10:00:00Z", 2),
                        count(AuditEventType.OTP_FAILED, "2026-11-28T00:00:00Z", 1),
                        count(AuditEventType.OTP_SENT, "2026-11-22T00:00:00Z", 7)),
                4,
                NOW);

        assertThat(summary.today()).isEqualTo(new Bucket(Instant.parse("2026-11-28T00:00:00Z"), 3, 3, 0));
        assertThat(summary.activeSessions()).isEqualTo(4);
        assertThat(summary.lastWeek()).extracting(Bucket::signIns).containsExactly(0L, 0L, 0L, 0L, 0L, 5L, 3L);
        assertThat(summary.lastWeek().get(0)).isEqualTo(new Bucket(Instant.parse("2026-11-22T00:00:00Z"), 0, 0, 7));
    }

    @Test
    void ofWhenCountsInLastDayThenOneBucketPerHourEndingWithThisHour() {
        ActivitySummary summary = ActivitySummary.of(
                List.of(
                        count(AuditEventType.LOGIN_SUCCEEDED, "2026-11-27T11:00:00Z", 1),
                        count(AuditEventType.LOGIN_SUCCEEDED, "2026-11-27T10:00:00Z", 9),
                        count(AuditEventType.LOGIN_FAILED, "2026-11-28T10:00:00Z", 2)),
                0,
                NOW);

        assertThat(summary.lastDay()).hasSize(24);
        assertThat(summary.lastDay().get(0)).isEqualTo(new Bucket(Instant.parse("2026-11-27T11:00:00Z"), 1, 0, 0));
        assertThat(summary.lastDay().get(23)).isEqualTo(new Bucket(Instant.parse("2026-11-28T10:00:00Z"), 0, 2, 0));
        assertThat(summary.lastDay()).extracting(Bucket::signIns).containsOnly(0L, 1L);
    }

    @Test
    void trackedWhenAskedThenSignInsFailuresAndCodes() {
        assertThat(ActivitySummary.tracked())
                .containsExactlyInAnyOrder(
                        AuditEventType.LOGIN_SUCCEEDED,
                        AuditEventType.LOGIN_FAILED,
                        AuditEventType.OTP_FAILED,
                        AuditEventType.OTP_SENT);
    }

    private static HourlyCount count(AuditEventType type, String hour, long count) {
        return new HourlyCount(type, Instant.parse(hour), count);
    }
}
