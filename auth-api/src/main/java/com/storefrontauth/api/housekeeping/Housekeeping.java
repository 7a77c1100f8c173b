package com.storefrontauth.api.housekeeping;

import com.storefrontauth.api.BackgroundThread;
import com.storefrontauth.domain.activity.ActivityRollup;
import com.storefrontauth.domain.audit.AuditRetention;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.customer.ResetLinkRetention;
import com.storefrontauth.domain.delivery.OutboxRetention;
import com.storefrontauth.domain.otp.OtpRetention;
import com.storefrontauth.domain.session.SessionRetention;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background work, on threads of its own. Every retention rule runs every ten minutes, so that no table
 * grows without bound: ended sessions with their spent tokens, expired challenges and old code counters,
 * delivered outbox messages, used or expired reset links, and audit events past their retention; the deletes
 * are idempotent, batched, and a rule that fails does not keep the others from running. The audit events of
 * the hours that are over are rolled up ({@link ActivityRollup}) 30 seconds after start (a first run fills the
 * dashboard's week) and then every five minutes, so the dashboard counts live no more than the last hour or so.
 * Each instance runs both; the roll-up lets one instance count an hour. And every few seconds the password
 * hashing memory that no sign-in has used for a while is given back ({@link PasswordHasher#releaseIdleMemory()}).
 * Each has its thread, so that a long retention run (a backlog after an upgrade, a delete waiting on a lock)
 * never holds the dashboard's figures back.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final long RETENTION_FIRST_SECONDS = 60;
    private static final long RETENTION_EVERY_SECONDS = 600;
    private static final long ROLLUP_FIRST_SECONDS = 30;
    private static final long ROLLUP_EVERY_SECONDS = 300;
    private static final long HASHING_MEMORY_EVERY_SECONDS = PasswordHasher.MEMORY_KEPT.toSeconds();

    @Inject
    SessionRetention sessions;

    @Inject
    OtpRetention challenges;

    @Inject
    OutboxRetention outbox;

    @Inject
    ResetLinkRetention resetLinks;

    @Inject
    AuditRetention audit;

    @Inject
    ActivityRollup rollup;

    @Inject
    PasswordHasher hasher;

    private final List<ScheduledExecutorService> threads = new ArrayList<>();

    /** Threads of its own, not a managed executor: see {@link BackgroundThread}. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule("housekeeping", this::forget, RETENTION_FIRST_SECONDS, RETENTION_EVERY_SECONDS);
        schedule("activity-rollup", this::rollUp, ROLLUP_FIRST_SECONDS, ROLLUP_EVERY_SECONDS);
        schedule(
                "hashing-memory",
                hasher::releaseIdleMemory,
                HASHING_MEMORY_EVERY_SECONDS,
                HASHING_MEMORY_EVERY_SECONDS);
    }

    private void schedule(String name, Runnable work, long firstSeconds, long everySeconds) {
        ScheduledExecutorService thread = BackgroundThread.scheduler(name);
        threads.add(thread);
        thread.scheduleWithFixedDelay(work, firstSeconds, everySeconds, TimeUnit.SECONDS);
    }

    void forget() {
        record Rule(String name, IntSupplier prune) {}
        for (Rule rule : List.of(
                new Rule("ended sessions", sessions::prune),
                new Rule("expired challenges and code counters", challenges::prune),
                new Rule("outbox messages", outbox::prune),
                new Rule("reset links", resetLinks::prune),
                new Rule("audit events", audit::prune))) {
            try {
                int forgotten = rule.prune().getAsInt();
                if (forgotten > 0) {
                    LOG.info("Housekeeping forgot " + forgotten + " " + rule.name());
                }
            } catch (RuntimeException e) {
                // the next run tries again; one failing rule must not stop the others or the schedule
                LOG.log(Level.WARNING, "Housekeeping of " + rule.name() + " failed: " + e.getMessage(), e);
            }
        }
    }

    void rollUp() {
        try {
            int hours = rollup.run();
            if (hours > 1) {
                LOG.info("Rolled up " + hours + " hours of audit events");
            }
        } catch (RuntimeException e) {
            // the next run goes on from the last hour rolled; a failure must not stop the schedule
            LOG.log(Level.WARNING, "Rolling up audit events failed: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        threads.forEach(ScheduledExecutorService::shutdownNow);
    }
}
