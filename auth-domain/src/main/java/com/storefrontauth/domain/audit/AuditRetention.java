package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.shared.Transactions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets audit events older than the platform's retention ({@code auth.audit.retention-days}, 90 days by
 * default), so that the log does not grow without bound; exports keep what an operator must hold longer.
 */
@ApplicationScoped
public class AuditRetention {

    static final int DEFAULT_DAYS = 90;
    /** Events deleted per transaction, so that a large backlog never holds locks for long. */
    static final int BATCH = 5000;

    @Inject
    @ConfigProperty(name = "auth.audit.retention-days", defaultValue = "" + DEFAULT_DAYS)
    int retentionDays;

    @Inject
    AuditEventRepository events;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    protected AuditRetention() {
        // for CDI
    }

    public AuditRetention(int retentionDays, AuditEventRepository events, Transactions transactions, Clock clock) {
        this.retentionDays = retentionDays;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        checkRetention();
    }

    @PostConstruct
    void checkRetention() {
        if (retentionDays < 1) {
            throw new IllegalStateException("auth.audit.retention-days must be at least 1, not " + retentionDays);
        }
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** How many events were forgotten. */
    public int prune() {
        Instant before = clock.instant().minus(retention());
        int total = 0;
        int deleted;
        do {
            deleted = transactions.required(() -> events.deleteOccurredBefore(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
