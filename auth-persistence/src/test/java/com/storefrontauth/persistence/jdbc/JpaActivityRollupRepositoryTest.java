package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.jpa.Jpa;
import com.storefrontauth.persistence.jpa.JpaActivityRollupRepository;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaActivityRollupRepositoryTest extends RepositoryTest {

    private static final Set<AuditEventType> SIGN_INS_AND_FAILURES =
            Set.of(AuditEventType.LOGIN_SUCCEEDED, AuditEventType.LOGIN_FAILED);
    /** Each test rolls hours of its own (the roll-up counts an hour across stores). */
    private static final AtomicLong NEXT_HOUR = new AtomicLong();

    private JpaActivityRollupRepository rollups;

    @BeforeEach
    void repository() {
        rollups = new JpaActivityRollupRepository(new Jpa(transactions, transactions));
    }

    private static Instant ownHour() {
        return Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(10 * NEXT_HOUR.incrementAndGet()));
    }

    private static void event(StoreId store, AuditEventType type, Instant at) {
        auditEvents.insert(new AuditEvent(AuditEvent.newId(), store, type, "cus_x", null, null, Map.of(), at));
    }

    /** Rolls the hour as the next one after wherever the roll-up ends now. */
    private boolean rollUp(Instant hour) {
        return rollups.rollUp(rollups.rolledUntil(), hour);
    }

    @Test
    void whenAnHourIsRolledUpThenItsEventsAreCountedPerStoreAndTypeAndTheEndMovesPastIt() {
        Store store = newStore();
        Store other = newStore();
        Instant hour = ownHour();
        event(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour);
        event(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour.plusSeconds(3599).plusNanos(999_999_000));
        event(store.id(), AuditEventType.LOGIN_FAILED, hour.plusSeconds(1800));
        event(store.id(), AuditEventType.OTP_SENT, hour.plusSeconds(1800));
        event(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour.minusNanos(1000));
        event(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour.plusSeconds(3600));
        event(other.id(), AuditEventType.LOGIN_SUCCEEDED, hour.plusSeconds(60));
        event(null, AuditEventType.LOGIN_SUCCEEDED, hour.plusSeconds(60));

        assertThat(rollUp(hour)).isTrue();

        assertThat(rollups.rolledUntil()).contains(hour.plusSeconds(3600));
        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, hour, hour.plusSeconds(3600)))
                .containsExactlyInAnyOrder(
                        new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, hour, 2),
                        new HourlyCount(AuditEventType.LOGIN_FAILED, hour, 1));
        assertThat(rollups.counts(other.id(), SIGN_INS_AND_FAILURES, hour, hour.plusSeconds(3600)))
                .containsExactly(new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, hour, 1));
        assertThat(rollups.counts(store.id(), Set.of(AuditEventType.OTP_SENT), hour, hour.plusSeconds(3600)))
                .containsExactly(new HourlyCount(AuditEventType.OTP_SENT, hour, 1));
        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, hour, hour))
                .as("an empty range reads nothing")
                .isEmpty();
    }

    @Test
    void whenTheEndMovedSinceItWasReadThenRollingUpCountsNothingAndLeavesTheEnd() {
        Store store = newStore();
        Instant hour = ownHour();
        event(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour.plusSeconds(10));
        Optional<Instant> end = rollups.rolledUntil();
        Optional<Instant> stale = Optional.of(end.orElse(hour).minus(Duration.ofHours(1)));

        assertThat(rollups.rollUp(stale, hour))
                .as("another instance rolled in between")
                .isFalse();

        assertThat(rollups.rolledUntil()).isEqualTo(end);
        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, hour, hour.plusSeconds(3600)))
                .isEmpty();
    }

    @Test
    void whenAnHourIsRolledUpAgainThenItsCountsAreReplacedNotAdded() {
        Store store = newStore();
        Instant hour = ownHour();
        event(store.id(), AuditEventType.LOGIN_FAILED, hour.plusSeconds(10));
        event(store.id(), AuditEventType.LOGIN_FAILED, hour.plusSeconds(20));
        assertThat(rollUp(hour)).isTrue();
        event(store.id(), AuditEventType.LOGIN_FAILED, hour.plusSeconds(30));

        assertThat(rollUp(hour)).isTrue();

        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, hour, hour.plusSeconds(3600)))
                .containsExactly(new HourlyCount(AuditEventType.LOGIN_FAILED, hour, 3));
    }

    @Test
    void whenCountsAreReadThenOnlyTheRangesHoursComeOldestFirstAndOldOnesCanBeForgotten() {
        Store store = newStore();
        Instant first = ownHour();
        for (int i = 0; i < 3; i++) {
            Instant hour = first.plus(Duration.ofHours(i));
            for (int n = 0; n <= i; n++) {
                event(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour.plusSeconds(n));
            }
            assertThat(rollUp(hour)).isTrue();
        }
        Instant second = first.plus(Duration.ofHours(1));
        Instant third = first.plus(Duration.ofHours(2));

        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, second, third.plusSeconds(3600)))
                .containsExactly(
                        new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, second, 2),
                        new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, third, 3));
        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, first, third))
                .extracting(HourlyCount::hour)
                .containsExactly(first, second);

        assertThat(rollups.deleteBefore(second)).isGreaterThanOrEqualTo(1);

        assertThat(rollups.counts(store.id(), SIGN_INS_AND_FAILURES, first, third.plusSeconds(3600)))
                .extracting(HourlyCount::hour)
                .containsExactly(second, third);
    }
}
