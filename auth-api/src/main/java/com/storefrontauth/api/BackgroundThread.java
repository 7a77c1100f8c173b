package com.storefrontauth.api;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A daemon thread of the application's own for work on a schedule (message delivery, housekeeping). Payara
 * Micro 6.2025.10 failed the deployment when a bean in a library jar of the WAR asked for the default managed
 * scheduled executor with {@code @Resource}. The thread carries the class loader of the thread that creates it
 * (an application start-up observer), so MicroProfile Config and Fault Tolerance resolve the application's
 * settings on it.
 */
public final class BackgroundThread {

    private BackgroundThread() {}

    public static ScheduledExecutorService scheduler(String name) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        });
    }
}
