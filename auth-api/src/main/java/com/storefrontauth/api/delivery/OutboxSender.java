package com.storefrontauth.api.delivery;

import com.storefrontauth.api.BackgroundThread;
import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.delivery.OutboxSignal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox off the request threads: on a short poll (which also picks up messages queued by
 * other instances and retries that came due), and at once when a request on this instance commits a
 * message. One drain runs at a time per instance; a wake-up during a drain makes it go round again.
 */
@ApplicationScoped
public class OutboxSender implements OutboxSignal {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final long POLL_MS = 500;

    private ScheduledExecutorService executor;

    @Inject
    Outbox outbox;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final List<Future<?>> scheduled = new ArrayList<>();

    /** Its own thread, not a managed executor: see {@link BackgroundThread}. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor = BackgroundThread.scheduler("outbox-sender");
        scheduled.add(executor.scheduleWithFixedDelay(this::drain, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS));
    }

    @Override
    public void messageQueued() {
        again.set(true);
        if (!draining.get() && executor != null) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                again.set(false);
                while (outbox.drain() == Outbox.BATCH) {
                    // a full batch: more may be due
                }
            } while (again.get());
        } catch (RuntimeException e) {
            // the next poll tries again; a failed round must not stop the schedule
            LOG.log(Level.WARNING, "Outbox round failed: " + e.getMessage(), e);
        } finally {
            draining.set(false);
        }
    }

    @PreDestroy
    void stop() {
        scheduled.forEach(future -> future.cancel(false));
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
