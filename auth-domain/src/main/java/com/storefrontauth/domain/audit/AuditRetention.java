package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.shared.BoundedDeletes;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets audit events older than the platform's retention (the platform setting {@code audit_retention_days},
 * 90 days by default), so that the log does not grow without bound; exports keep what an operator must hold
 * longer. Each run reads the setting, so a change applies at the next run.
 */
@ApplicationScoped
public class AuditRetention {

    /** Events deleted per transaction (BoundedDeletes). */
    static final int BATCH = 5000;

    /** The retention configured before it was a platform setting: the setting's first value, never over a saved one. */
    @Inject
    @ConfigProperty(name = "auth.audit.retention-days")
    Optional<Long> configuredDays;

    @Inject
    PlatformLimitsService platform;

    @Inject
    AuditEventRepository events;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    protected AuditRetention() {
        // for CDI
    }

    public AuditRetention(
            PlatformLimitsService platform, AuditEventRepository events, Transactions transactions, Clock clock) {
        this.configuredDays = Optional.empty();
        this.platform = platform;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    void adoptConfiguredRetention(@Observes @Initialized(ApplicationScoped.class) Object started) {
        configuredDays.ifPresent(days -> {
            try {
                platform.adoptUnlessSaved(PlatformLimits.AUDIT_RETENTION_DAYS, days);
            } catch (DomainException outOfRange) {
                throw new IllegalStateException(
                        "auth.audit.retention-days must be from 1 to 3650 days, not " + days, outOfRange);
            }
        });
    }

    public Duration retention() {
        return Duration.ofDays(platform.current().auditRetentionDays());
    }

    /** How many events were forgotten. */
    public int prune() {
        Instant before = clock.instant().minus(retention());
        return new BoundedDeletes(transactions, BATCH).deleteAll(limit -> events.deleteOccurredBefore(before, limit));
    }
}
