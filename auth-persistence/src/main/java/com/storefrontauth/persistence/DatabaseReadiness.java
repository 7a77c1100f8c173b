package com.storefrontauth.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a pooled connection answers {@code SELECT 1} within two seconds. The probe runs on a
 * thread of its own, so neither a slow pool nor a hung database can hold the health endpoint longer;
 * it never throws.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Database database;

    private ThreadPoolExecutor probes;

    protected DatabaseReadiness() {
        // for CDI
    }

    DatabaseReadiness(Database database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Future<?> probe = executor().submit(() -> {
                try (Connection connection = database.dataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) TIMEOUT.toSeconds());
                    statement.execute("SELECT 1");
                }
                return null;
            });
            try {
                probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                probe.cancel(true);
                return down("no answer within " + TIMEOUT.toSeconds() + " s");
            }
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
        } catch (RejectedExecutionException e) {
            return down("an earlier probe is still waiting for the database");
        } catch (ExecutionException e) {
            return down(
                    e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (RuntimeException | Error e) {
            return down(e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (probes != null) {
            probes.shutdownNow();
        }
    }

    private static HealthCheckResponse down(String reason) {
        // The constructor rather than the builder: no response provider needed outside the server.
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("reason", reason)));
    }

    /** One probe thread and one waiting probe at most; a third concurrent check is down at once. */
    private synchronized ThreadPoolExecutor executor() {
        if (probes == null) {
            probes = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "database-readiness");
                thread.setDaemon(true);
                return thread;
            });
            probes.allowCoreThreadTimeOut(true);
        }
        return probes;
    }
}
