package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.otp.OtpActivityRepository.Kind;
import com.storefrontauth.domain.otp.OtpActivityRepository.Summary;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaOtpActivityRepositoryTest extends RepositoryTest {

    private static Instant minutesAgo(Instant now, long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    /** Both windows from the same start. */
    private Summary summarize(TokenHash key, Instant since) {
        return otpActivity.summarize(key, since, since);
    }

    @Test
    void whenSendsAndFailuresAreRecordedThenEachKindIsCountedInItsWindowFromSinceOn() {
        TokenHash key = newHash();
        TokenHash other = newHash();
        Instant now = now();
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 50));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 30));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 10));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 20));
        otpActivity.record(other, Kind.SENT, minutesAgo(now, 5));

        assertThat(summarize(key, minutesAgo(now, 60)).sentInWindow()).isEqualTo(3);
        assertThat(summarize(key, minutesAgo(now, 30)).sentInWindow()).isEqualTo(2);
        assertThat(summarize(key, minutesAgo(now, 29)).sentInWindow()).isEqualTo(1);
        assertThat(summarize(key, now).sentInWindow()).isZero();
        assertThat(summarize(key, minutesAgo(now, 60)).failedInWindow()).isEqualTo(1);
        assertThat(summarize(key, minutesAgo(now, 20)).failedInWindow()).isEqualTo(1);
        assertThat(summarize(key, minutesAgo(now, 19)).failedInWindow()).isZero();
        assertThat(summarize(other, minutesAgo(now, 60)).sentInWindow()).isEqualTo(1);
        assertThat(summarize(other, minutesAgo(now, 60)).failedInWindow()).isZero();
        assertThat(summarize(newHash(), minutesAgo(now, 60)).sentInWindow()).isZero();
    }

    @Test
    void whenTheWindowsStartApartThenEachKindIsCountedFromItsOwnStart() {
        TokenHash key = newHash();
        Instant now = now();
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 90));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 30));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 120));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 45));

        Summary seen = otpActivity.summarize(key, minutesAgo(now, 60), minutesAgo(now, 180));

        assertThat(seen.sentInWindow()).isEqualTo(1);
        assertThat(seen.oldestSentInWindow()).contains(minutesAgo(now, 30));
        assertThat(seen.failedInWindow()).isEqualTo(2);
        assertThat(seen.oldestFailedInWindow()).contains(minutesAgo(now, 120));

        Summary reversed = otpActivity.summarize(key, minutesAgo(now, 180), minutesAgo(now, 60));

        assertThat(reversed.sentInWindow()).isEqualTo(2);
        assertThat(reversed.oldestSentInWindow()).contains(minutesAgo(now, 90));
        assertThat(reversed.failedInWindow()).isEqualTo(1);
        assertThat(reversed.oldestFailedInWindow()).contains(minutesAgo(now, 45));
    }

    @Test
    void whenTwoEntriesHaveTheSameInstantThenBothCount() {
        TokenHash key = newHash();
        Instant now = now();

        otpActivity.record(key, Kind.FAILED, now);
        otpActivity.record(key, Kind.FAILED, now);

        assertThat(summarize(key, now).failedInWindow()).isEqualTo(2);
    }

    @Test
    void whenTheOldestInAWindowIsAskedThenItIsTheEarliestEntryAtOrAfterSince() {
        TokenHash key = newHash();
        Instant now = now();
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 90));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 40));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 15));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 50));

        assertThat(summarize(key, minutesAgo(now, 60)).oldestSentInWindow()).contains(minutesAgo(now, 40));
        assertThat(summarize(key, minutesAgo(now, 40)).oldestSentInWindow()).contains(minutesAgo(now, 40));
        assertThat(summarize(key, minutesAgo(now, 120)).oldestSentInWindow()).contains(minutesAgo(now, 90));
        assertThat(summarize(key, minutesAgo(now, 60)).oldestFailedInWindow()).contains(minutesAgo(now, 50));
        assertThat(summarize(key, minutesAgo(now, 50)).oldestFailedInWindow()).contains(minutesAgo(now, 50));
        assertThat(summarize(key, minutesAgo(now, 10)).oldestSentInWindow()).isEmpty();
        assertThat(summarize(key, minutesAgo(now, 49)).oldestFailedInWindow()).isEmpty();
        assertThat(summarize(newHash(), minutesAgo(now, 60)).oldestSentInWindow())
                .isEmpty();
    }

    @Test
    void whenTheLastSendIsAskedThenItIsTheLatestSendOfThatKeyFromTheEarlierStartOn() {
        TokenHash key = newHash();
        TokenHash other = newHash();
        TokenHash failedOnly = newHash();
        Instant now = now();
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 15));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 3));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 40));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 1));
        otpActivity.record(other, Kind.SENT, now);
        otpActivity.record(failedOnly, Kind.FAILED, minutesAgo(now, 2));

        assertThat(summarize(key, minutesAgo(now, 60)).lastSent()).contains(minutesAgo(now, 3));
        assertThat(summarize(key, minutesAgo(now, 3)).lastSent()).contains(minutesAgo(now, 3));
        assertThat(summarize(key, minutesAgo(now, 2)).lastSent()).isEmpty();
        // the earlier of the two starts bounds it: the sent window alone would miss it
        assertThat(otpActivity
                        .summarize(key, minutesAgo(now, 2), minutesAgo(now, 60))
                        .lastSent())
                .contains(minutesAgo(now, 3));
        assertThat(otpActivity
                        .summarize(key, minutesAgo(now, 60), minutesAgo(now, 2))
                        .lastSent())
                .contains(minutesAgo(now, 3));
        assertThat(summarize(other, minutesAgo(now, 60)).lastSent()).contains(now);
        assertThat(summarize(failedOnly, minutesAgo(now, 60)).lastSent()).isEmpty();
        assertThat(summarize(newHash(), minutesAgo(now, 60)).lastSent()).isEmpty();
    }

    @Test
    void whenAnEntryIsOneMicrosecondBeforeTheStartThenItIsOutsideTheWindow() {
        TokenHash key = newHash();
        Instant since = Instant.parse("2026-03-29T01:30:00.000001Z");
        otpActivity.record(key, Kind.SENT, since.minusNanos(1_000));
        otpActivity.record(key, Kind.SENT, since);
        otpActivity.record(key, Kind.FAILED, since.minusNanos(1_000));

        Summary seen = summarize(key, since);

        assertThat(seen.sentInWindow()).isEqualTo(1);
        assertThat(seen.oldestSentInWindow()).contains(since);
        assertThat(seen.lastSent()).contains(since);
        assertThat(seen.failedInWindow()).isZero();
    }

    @Test
    void whenActivityIsRecordedInsideATransactionThenItsSummaryCountsIt() {
        TokenHash key = newHash();
        Instant now = now();

        Summary seen = transactions.required(() -> {
            otpActivity.record(key, Kind.SENT, now);
            otpActivity.record(key, Kind.FAILED, now);
            return summarize(key, now);
        });

        assertThat(seen).isEqualTo(new Summary(Optional.of(now), 1, Optional.of(now), 1, Optional.of(now)));
    }

    @Test
    void whenAnAddressHasNoActivityThenTheSummaryIsZerosAndEmpties() {
        Instant now = now();

        assertThat(otpActivity.summarize(newHash(), minutesAgo(now, 60), minutesAgo(now, 1440)))
                .isEqualTo(new Summary(Optional.empty(), 0, Optional.empty(), 0, Optional.empty()));
    }

    @Test
    void whenOldEntriesAreDeletedThenOnlyThoseBeforeTheCutOffGo() {
        TokenHash key = newHash();
        Instant epoch = Instant.parse("2001-02-03T04:05:06Z");
        otpActivity.record(key, Kind.SENT, epoch.minusSeconds(7200));
        otpActivity.record(key, Kind.FAILED, epoch.minusSeconds(1));
        otpActivity.record(key, Kind.SENT, epoch);
        otpActivity.record(key, Kind.SENT, now());

        assertThat(otpActivity.deleteBefore(epoch, 10)).isEqualTo(2);

        Summary seen = summarize(key, epoch.minusSeconds(86_400));
        assertThat(seen.sentInWindow()).isEqualTo(2);
        assertThat(seen.failedInWindow()).isZero();
        assertThat(seen.oldestSentInWindow()).contains(epoch);
        assertThat(seen.oldestFailedInWindow()).isEmpty();
    }

    @Test
    void whenOldEntriesAreDeletedInBatchesThenEachTakesAtMostItsLimitAndTheWindowsEntriesStay() {
        TokenHash key = newHash();
        Instant cutOff = Instant.parse("1990-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            otpActivity.record(key, Kind.FAILED, cutOff.minusSeconds(60 + i));
        }
        otpActivity.record(key, Kind.FAILED, cutOff);
        otpActivity.record(key, Kind.SENT, now());

        assertThat(otpActivity.deleteBefore(cutOff, 2)).isEqualTo(2);
        assertThat(otpActivity.deleteBefore(cutOff, 2)).isEqualTo(2);
        assertThat(otpActivity.deleteBefore(cutOff, 2)).isEqualTo(1);
        assertThat(otpActivity.deleteBefore(cutOff, 2)).isZero();

        Summary seen = summarize(key, cutOff);
        assertThat(seen.failedInWindow()).isEqualTo(1);
        assertThat(seen.sentInWindow()).isEqualTo(1);
        // a microsecond later the cut-off takes the entry at it, and leaves no row for the other tests
        assertThat(otpActivity.deleteBefore(cutOff.plusNanos(1_000), 2)).isEqualTo(1);
        assertThat(summarize(key, cutOff).sentInWindow()).isEqualTo(1);
    }
}
