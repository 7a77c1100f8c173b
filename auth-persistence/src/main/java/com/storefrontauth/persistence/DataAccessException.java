package com.storefrontauth.persistence;

import java.sql.SQLException;

/** A statement failed for a reason other than the database being unreachable. Unchecked. */
public class DataAccessException extends RuntimeException {

    /** SQL:2003 "unique violation"; H2 and PostgreSQL both report it. */
    static final String UNIQUE_VIOLATION = "23505";

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a unique or primary key constraint refused the statement (anywhere in the cause chain). */
    public boolean isUniqueViolation() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
