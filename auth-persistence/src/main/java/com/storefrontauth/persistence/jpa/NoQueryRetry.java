package com.storefrontauth.persistence.jpa;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read outside a transaction whose connection failed, three times, 5 s apart; the pool
 * already validates its connections, and a database that is down must answer 503 within 5 s (API.md), so a
 * failed read fails at once.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(0);
    }
}
