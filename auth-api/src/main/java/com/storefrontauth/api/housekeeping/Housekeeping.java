package com.storefrontauth.api.housekeeping;

import com.storefrontauth.domain.audit.AuditRetention;
import com.storefrontauth.domain.customer.ResetLinkRetention;
import com.storefrontauth.domain.delivery.OutboxRetention;
import com.storefrontauth.domain.otp.OtpRetention;
import com.storefrontauth.domain.session.SessionRetention;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every retention rule on a schedule, so that no table grows without bound: ended sessions with
 * their spent tokens, expired challenges and old code counters, delivered outbox messages, used or
 * expired reset links, and audit events past their retention. Each instance runs it; the deletes are
 * idempotent, batched, and a rule that fails does not keep the others from running.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final long FIRST_RUN_MINUTES = 1;
    private static final long EVERY_MINUTES = 10;

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

    private ScheduledExecutorService executor;

    /** One daemon thread of our own, carrying the application's class loader (see OutboxSender for why). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "housekeeping");
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, FIRST_RUN_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }

    void run() {
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

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
