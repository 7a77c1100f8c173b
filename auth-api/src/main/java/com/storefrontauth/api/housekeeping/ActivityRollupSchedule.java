package com.storefrontauth.api.housekeeping;

import com.storefrontauth.domain.activity.ActivityRollup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rolls up the audit events of the hours that are over ({@link ActivityRollup}) soon after start (a first run
 * fills the dashboard's week) and then every few minutes, so the dashboard counts live no more than the last
 * hour or so. Each instance runs it; the roll-up lets one instance count an hour.
 */
@ApplicationScoped
public class ActivityRollupSchedule {

    private static final Logger LOG = Logger.getLogger(ActivityRollupSchedule.class.getName());
    private static final long FIRST_RUN_SECONDS = 30;
    private static final long EVERY_SECONDS = 300;

    @Inject
    ActivityRollup rollup;

    private ScheduledExecutorService executor;

    /** One daemon thread of our own, carrying the application's class loader (see OutboxSender for why). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "activity-rollup");
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, FIRST_RUN_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void run() {
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
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
