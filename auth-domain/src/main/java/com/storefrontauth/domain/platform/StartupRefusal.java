package com.storefrontauth.domain.platform;

import java.util.logging.Logger;

/**
 * A configuration the service must not run with (secrets kept in a shared database, codes sent over
 * plain HTTP): one clear log line, then the deployment fails. Payara Micro keeps running after a failed
 * deployment, answering 404 to everything, so the uber-jar (this application alone in its process)
 * also ends the process with status 1: an orchestrator sees a failed start, not a live instance. On a
 * shared Payara Server only this application's deployment fails.
 */
public final class StartupRefusal extends IllegalStateException {

    private static final Logger LOG = Logger.getLogger(StartupRefusal.class.getName());
    private static final int EXIT_STATUS = 1;

    private StartupRefusal(String reason) {
        super(reason, null);
    }

    /** Logs the reason and answers the exception to throw from startup code. */
    public static StartupRefusal refuse(String reason) {
        LOG.severe(reason);
        if ("Payara Micro".equals(System.getProperty("product.name"))) {
            // Not from this thread: the deployment must be free to fail (and release its locks) while the
            // shutdown hooks stop the server.
            Thread exit = new Thread(() -> System.exit(EXIT_STATUS), "startup-refused");
            exit.setDaemon(true);
            exit.start();
        }
        return new StartupRefusal(reason);
    }
}
