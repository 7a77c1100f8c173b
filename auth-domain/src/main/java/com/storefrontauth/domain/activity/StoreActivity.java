package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.session.SessionRepository;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** The dashboard of a store: read from the audit trail (one grouped query) and the session table. */
@ApplicationScoped
public class StoreActivity {

    private AuditEventRepository events;
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
            SessionRepository sessions,
            StoreAccess access,
            Transactions transactions,
            Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ActivitySummary summary(Operator operator, StoreId store) {
        Instant now = clock.instant();
        return transactions.required(() -> {
            access.require(operator, store);
            return ActivitySummary.of(
                    events.countByHour(store, ActivitySummary.tracked(), ActivitySummary.since(now)),
                    sessions.countActive(store, SubjectKind.CUSTOMER, now),
                    now);
        });
    }
}
