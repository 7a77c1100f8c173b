package com.storefrontauth.persistence;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.eclipse.persistence.exceptions.DatabaseException;

/**
 * The database cannot be reached (no pooled connection within the pool's timeout, connection lost).
 * A {@link DomainException} so that the API answers {@code 503 service_unavailable} with
 * {@code Retry-After} (API.md) without knowing this module; the detail is generic on purpose.
 */
public class DatabaseUnavailableException extends DomainException {

    static final long RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException() {
        super(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The service is temporarily unavailable. Try again shortly.",
                Map.of(),
                Map.of(),
                RETRY_AFTER_SECONDS);
    }

    /** Whether this failure, or one it was caused by, means the connection itself failed (SQLState class 08). */
    public static boolean isConnectionFailure(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #isConnectionFailure}, or EclipseLink's word for a connection it could not get from the pool or
     * lost (Payara's refusal carries no SQLState). Only for work outside a transaction: inside one, PostgreSQL
     * refuses every statement after a failed one, and EclipseLink, finding the connection unusable, calls that
     * a communication failure too.
     */
    public static boolean isLostConnectionOutsideTransaction(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof DatabaseException database && database.isCommunicationFailure()) {
                return true;
            }
        }
        return isConnectionFailure(failure);
    }
}
