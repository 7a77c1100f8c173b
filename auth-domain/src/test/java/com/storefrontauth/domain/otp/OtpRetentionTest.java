package com.storefrontauth.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.otp.OtpActivityRepository.Kind;
import com.storefrontauth.domain.shared.CountingTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OtpRetentionTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryOtpChallenges challenges = new InMemoryOtpChallenges();
    private final InMemoryOtpActivity activity = new InMemoryOtpActivity();
    private final OtpRetention retention = new OtpRetention();
    private final StoreId store = StoreId.generate();
    private final TokenHash destination = TokenHash.of("destination-key");
    private final CountingTransactions transactions = new CountingTransactions();
    private int inserted;

    OtpRetentionTest() {
        retention.challenges = challenges;
        retention.activity = activity;
        retention.transactions = transactions;
        retention.clock = clock;
    }

    private OtpChallenge challenge(Instant expiresAt, OtpChallenge.Status status) {
        Instant created = expiresAt.minus(Duration.ofMinutes(10));
        OtpChallenge challenge = new OtpChallenge(
                TokenHash.of("otp_" + expiresAt + status + inserted++),
                store,
                OtpAction.LOGIN,
                new Destination(OtpChannel.EMAIL, "carla@example.com"),
                null,
                false,
                "code-hash",
                0,
                5,
                1,
                created,
                expiresAt,
                status,
                created);
        challenges.insert(challenge);
        return challenge;
    }

    @Test
    void whenChallengesExpiredOverADayAgoThenTheyAreForgottenAndUnexpiredOrRecentlyExpiredOnesStay() {
        Instant now = clock.instant();
        OtpChallenge expiredLongAgo = challenge(now.minus(Duration.ofHours(25)), OtpChallenge.Status.USED);
        OtpChallenge openButLongExpired = challenge(now.minus(Duration.ofDays(3)), OtpChallenge.Status.OPEN);
        OtpChallenge expiredRecently = challenge(now.minus(Duration.ofHours(23)), OtpChallenge.Status.OPEN);
        OtpChallenge unexpired = challenge(now.plus(Duration.ofMinutes(5)), OtpChallenge.Status.OPEN);

        assertThat(retention.prune()).isEqualTo(2);

        assertThat(challenges.find(expiredLongAgo.id())).isEmpty();
        assertThat(challenges.find(openButLongExpired.id())).isEmpty();
        assertThat(challenges.find(expiredRecently.id())).isPresent();
        assertThat(challenges.find(unexpired.id())).isPresent();
    }

    @Test
    void whenAnUnexpiredChallengeIsOpenThenNoRunEverForgetsItBeforeItHasBeenExpiredForADay() {
        OtpChallenge open = challenge(clock.instant().plus(Duration.ofMinutes(10)), OtpChallenge.Status.OPEN);

        clock.advance(Duration.ofHours(24));
        assertThat(retention.prune()).isZero();
        assertThat(challenges.find(open.id())).isPresent();

        clock.advance(Duration.ofMinutes(11));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(challenges.find(open.id())).isEmpty();
    }

    @Test
    void whenCodeCountersAgeThenOnlyThoseOlderThanTheDailyWindowGoSoTheLimitsStillSeeTheRest() {
        Instant now = clock.instant();
        activity.record(destination, Kind.SENT, now.minus(Duration.ofHours(25)));
        activity.record(destination, Kind.FAILED, now.minus(Duration.ofHours(25)));
        activity.record(destination, Kind.SENT, now.minus(Duration.ofHours(23)));
        activity.record(destination, Kind.FAILED, now.minus(Duration.ofMinutes(1)));

        retention.prune();

        OtpActivityRepository.Summary left = activity.summarize(destination, Instant.EPOCH, Instant.EPOCH);
        assertThat(left.sentInWindow()).isEqualTo(1);
        assertThat(left.failedInWindow()).isEqualTo(1);
    }

    @Test
    void whenTheChallengeBacklogExceedsOneBatchThenItIsForgottenInOneRunAndAnUnexpiredChallengeStays() {
        int backlog = OtpRetention.CHALLENGE_BATCH * 2 + 3;
        for (int i = 0; i < backlog; i++) {
            challenge(clock.instant().minus(Duration.ofDays(2)), OtpChallenge.Status.OPEN);
        }
        OtpChallenge unexpired = challenge(clock.instant().plus(Duration.ofMinutes(5)), OtpChallenge.Status.OPEN);

        assertThat(retention.prune()).isEqualTo(backlog);

        // the counters' one empty batch, then the challenges' two full batches and a short one
        assertThat(transactions.begun()).isEqualTo(4);
        assertThat(challenges.find(unexpired.id())).isPresent();
        assertThat(retention.prune()).isZero();
    }

    @Test
    void whenTheCounterBacklogExceedsOneBatchThenItIsForgottenInOneRunAndTheDaysCountersStay() {
        int backlog = OtpRetention.COUNTER_BATCH * 2 + 1;
        for (int i = 0; i < backlog; i++) {
            activity.record(destination, Kind.FAILED, clock.instant().minus(Duration.ofHours(25)));
        }
        activity.record(destination, Kind.FAILED, clock.instant().minus(Duration.ofHours(23)));

        assertThat(retention.prune()).isEqualTo(backlog);

        assertThat(transactions.begun()).isEqualTo(4);
        assertThat(activity.total(Kind.FAILED)).isEqualTo(1);
    }
}
