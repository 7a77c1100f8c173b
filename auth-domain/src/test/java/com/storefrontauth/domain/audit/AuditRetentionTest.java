package com.storefrontauth.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    private final MutableClock clock = new MutableClock();
    private final RecordedEvents events = new RecordedEvents();

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
    void whenEventsAreOlderThanTheRetentionThenTheyAreForgottenAndNewerOnesStay() {
        AuditRetention retention = new AuditRetention(90, events, new DirectTransactions(), clock);
        Instant now = clock.instant();
        eventAt(now.minus(Duration.ofDays(91)));
        eventAt(now.minus(Duration.ofDays(89)));

        assertThat(retention.prune()).isEqualTo(1);
        assertThat(events.types()).hasSize(1);
    }

    @Test
    void whenTheBacklogExceedsOneBatchThenEveryOldEventIsForgottenInOneRun() {
        AuditRetention retention = new AuditRetention(30, events, new DirectTransactions(), clock);
        int backlog = AuditRetention.BATCH + 3;
        for (int i = 0; i < backlog; i++) {
            eventAt(clock.instant().minus(Duration.ofDays(31)));
        }

        assertThat(retention.prune()).isEqualTo(backlog);
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenTheRetentionIsBelowADayThenStartingIsRefused() {
        assertThatThrownBy(() -> new AuditRetention(0, events, new DirectTransactions(), clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth.audit.retention-days");
    }
}
