package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.otp.OtpActivityRepository.Kind;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcOtpActivityRepositoryTest extends RepositoryTest {

    private static Instant minutesAgo(Instant now, long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
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

        assertThat(otpActivity.count(key, Kind.SENT, minutesAgo(now, 60))).isEqualTo(3);
        assertThat(otpActivity.count(key, Kind.SENT, minutesAgo(now, 30))).isEqualTo(2);
        assertThat(otpActivity.count(key, Kind.SENT, minutesAgo(now, 29))).isEqualTo(1);
        assertThat(otpActivity.count(key, Kind.SENT, now)).isZero();
        assertThat(otpActivity.count(key, Kind.FAILED, minutesAgo(now, 60))).isEqualTo(1);
        assertThat(otpActivity.count(other, Kind.SENT, minutesAgo(now, 60))).isEqualTo(1);
        assertThat(otpActivity.count(other, Kind.FAILED, minutesAgo(now, 60))).isZero();
        assertThat(otpActivity.count(newHash(), Kind.SENT, minutesAgo(now, 60))).isZero();
    }

    @Test
    void whenTwoEntriesHaveTheSameInstantThenBothCount() {
        TokenHash key = newHash();
        Instant now = now();

        otpActivity.record(key, Kind.FAILED, now);
        otpActivity.record(key, Kind.FAILED, now);

        assertThat(otpActivity.count(key, Kind.FAILED, now)).isEqualTo(2);
    }

    @Test
    void whenTheOldestInAWindowIsAskedThenItIsTheEarliestEntryAtOrAfterSince() {
        TokenHash key = newHash();
        Instant now = now();
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 90));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 40));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 15));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 50));

        assertThat(otpActivity.oldest(key, Kind.SENT, minutesAgo(now, 60))).contains(minutesAgo(now, 40));
        assertThat(otpActivity.oldest(key, Kind.SENT, minutesAgo(now, 40))).contains(minutesAgo(now, 40));
        assertThat(otpActivity.oldest(key, Kind.SENT, minutesAgo(now, 120))).contains(minutesAgo(now, 90));
        assertThat(otpActivity.oldest(key, Kind.FAILED, minutesAgo(now, 60))).contains(minutesAgo(now, 50));
        assertThat(otpActivity.oldest(key, Kind.SENT, minutesAgo(now, 10))).isEmpty();
        assertThat(otpActivity.oldest(newHash(), Kind.SENT, minutesAgo(now, 60))).isEmpty();
    }

    @Test
    void whenTheNewestIsAskedThenItIsTheLatestEntryOfThatKeyAndKind() {
        TokenHash key = newHash();
        TokenHash other = newHash();
        Instant now = now();
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 15));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 3));
        otpActivity.record(key, Kind.SENT, minutesAgo(now, 40));
        otpActivity.record(key, Kind.FAILED, minutesAgo(now, 1));
        otpActivity.record(other, Kind.SENT, now);

        assertThat(otpActivity.newest(key, Kind.SENT)).contains(minutesAgo(now, 3));
        assertThat(otpActivity.newest(key, Kind.FAILED)).contains(minutesAgo(now, 1));
        assertThat(otpActivity.newest(other, Kind.FAILED)).isEmpty();
        assertThat(otpActivity.newest(newHash(), Kind.SENT)).isEmpty();
    }

    @Test
    void whenOldEntriesAreDeletedThenOnlyThoseBeforeTheCutOffGo() {
        TokenHash key = newHash();
        Instant epoch = Instant.parse("2001-02-03T04:05:06Z");
        otpActivity.record(key, Kind.SENT, epoch.minusSeconds(7200));
        otpActivity.record(key, Kind.FAILED, epoch.minusSeconds(1));
        otpActivity.record(key, Kind.SENT, epoch);
        otpActivity.record(key, Kind.SENT, now());

        assertThat(otpActivity.deleteBefore(epoch)).isEqualTo(2);

        assertThat(otpActivity.count(key, Kind.SENT, epoch.minusSeconds(86_400))).isEqualTo(2);
        assertThat(otpActivity.count(key, Kind.FAILED, epoch.minusSeconds(86_400))).isZero();
        assertThat(otpActivity.oldest(key, Kind.SENT, epoch.minusSeconds(86_400))).contains(epoch);
    }
}
