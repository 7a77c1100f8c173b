package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.DatabaseUnavailableException;
import com.storefrontauth.persistence.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The connection JDBC work runs on: the current transaction's while there is one (so JDBC and JPA work
 * of one transaction share it), else one of its own in auto-commit.
 */
public interface Connections {

    <T> T withConnection(ConnectionWork<T> work, Supplier<String> action);

    Dialect dialect();

    @FunctionalInterface
    interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** The unchecked form of a JDBC failure: 503 when the connection is the problem. */
    static RuntimeException failure(String action, SQLException e) {
        if (DatabaseUnavailableException.isConnectionFailure(e)) {
            Logger.getLogger(Connections.class.getName())
                    .warning("Database unavailable while trying to " + action + ": " + e.getMessage());
            return new DatabaseUnavailableException();
        }
        return new DataAccessException(
                "Could not " + action + " (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }
}
