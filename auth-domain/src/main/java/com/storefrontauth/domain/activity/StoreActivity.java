package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dashboard of a store: the hours already rolled up ({@link ActivityRollup}) summed, the hours since counted
 * live from the audit trail (at most the current hour and the one before), and the active sessions counted up
 * to {@link ActivitySummary#ACTIVE_SESSIONS_COUNTED}: the work stays the same however much the store has.
 */
@ApplicationScoped
public class StoreActivity {

    private AuditEventRepository events;
    private ActivityRollupRepository rollups;
    private SessionRepository sessions;
    private StoreAccess access;
    private Transactions transactions;
    private Clock clock;

    protected StoreActivity() {
        // for CDI proxies
    }

    @Inject
    public StoreActivity(
            AuditEventRepository events,
            ActivityRollupRepository rollups,
            SessionRepository sessions,
            StoreAccess access,
            Transactions transactions,
            Clock clock) {
        this.events = events;
        this.rollups = rollups;
        this.sessions = sessions;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ActivitySummary summary(Operator operator, StoreId store) {
        Instant now = clock.instant();
        Instant since = ActivitySummary.since(now);
        Set<AuditEventType> tracked = ActivitySummary.tracked();
        return transactions.required(() -> {
            access.require(operator, store);
            Instant live = ActivityRollup.liveFrom(since, rollups.rolledUntil());
            List<HourlyCount> counts = new ArrayList<>(rollups.counts(store, tracked, since, live));
            counts.addAll(events.countByHour(store, tracked, live));
            return ActivitySummary.of(
                    counts,
                    sessions.countActive(store, SubjectKind.CUSTOMER, now, ActivitySummary.ACTIVE_SESSIONS_COUNTED + 1),
                    now);
        });
    }
}
