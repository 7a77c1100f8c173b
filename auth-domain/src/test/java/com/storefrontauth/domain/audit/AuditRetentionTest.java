package com.storefrontauth.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.platform.FixedPlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    private final MutableClock clock = new MutableClock();
    private final RecordedEvents events = new RecordedEvents();

    private AuditRetention keeping(long days) {
        PlatformLimitsService platform = FixedPlatformLimits.of(
                PlatformLimits.defaults().amend(Map.<String, Object>of(PlatformLimits.AUDIT_RETENTION_DAYS, days)),
                clock);
        return new AuditRetention(platform, events, new DirectTransactions(), clock);
    }

    private void eventAt(Instant at) {
        events.insert(new AuditEvent(
                AuditEvent.newId(),
                StoreId.generate(),
                AuditEventType.LOGIN_SUCCEEDED,
                "cus_1",
                null,
                null,
                Map.of(),
                at));
    }

    @Test
    void whenNoRetentionWasSavedThenEventsAreKeptNinetyDays() {
        AuditRetention retention =
                new AuditRetention(FixedPlatformLimits.nothingSaved(clock), events, new DirectTransactions(), clock);
        Instant now = clock.instant();
        eventAt(now.minus(Duration.ofDays(90)).minusSeconds(1));
        eventAt(now.minus(Duration.ofDays(89)));

        assertThat(retention.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(events.types()).hasSize(1);
    }

    @Test
    void whenEventsAreOlderThanTheRetentionThenTheyAreForgottenAndNewerOnesStay() {
        AuditRetention retention = keeping(90);
        Instant now = clock.instant();
        eventAt(now.minus(Duration.ofDays(91)));
        eventAt(now.minus(Duration.ofDays(89)));

        assertThat(retention.prune()).isEqualTo(1);
        assertThat(events.types()).hasSize(1);
    }

    @Test
    void whenTheBacklogExceedsOneBatchThenEveryOldEventIsForgottenInOneRun() {
        AuditRetention retention = keeping(30);
        int backlog = AuditRetention.BATCH + 3;
        for (int i = 0; i < backlog; i++) {
            eventAt(clock.instant().minus(Duration.ofDays(31)));
        }

        assertThat(retention.prune()).isEqualTo(backlog);
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenTheRetentionIsBelowADayOrOverTenYearsThenTheSettingIsRefused() {
        assertThatThrownBy(() -> keeping(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> keeping(3651)).isInstanceOf(DomainException.class);
    }

    @Test
    void whenARetentionWasConfiguredBeforeItWasASettingThenItBecomesTheSettingsValue() {
        AuditRetention retention =
                new AuditRetention(FixedPlatformLimits.nothingSaved(clock), events, new DirectTransactions(), clock);
        retention.configuredDays = Optional.of(365L);
        eventAt(clock.instant().minus(Duration.ofDays(200)));

        retention.adoptConfiguredRetention(new Object());

        assertThat(retention.retention()).isEqualTo(Duration.ofDays(365));
        assertThat(retention.prune()).isZero();
    }

    @Test
    void whenTheAdminHasSavedARetentionThenAConfiguredOneNeverOverridesIt() {
        AuditRetention retention = keeping(30);
        retention.configuredDays = Optional.of(365L);

        retention.adoptConfiguredRetention(new Object());

        assertThat(retention.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void whenTheConfiguredRetentionIsOutOfRangeThenStartingIsRefusedNamingTheKey() {
        AuditRetention retention =
                new AuditRetention(FixedPlatformLimits.nothingSaved(clock), events, new DirectTransactions(), clock);
        retention.configuredDays = Optional.of(0L);

        assertThatThrownBy(() -> retention.adoptConfiguredRetention(new Object()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth.audit.retention-days");
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(90));
    }
}
