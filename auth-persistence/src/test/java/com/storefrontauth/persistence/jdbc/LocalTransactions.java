package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.persistence.Database;
import com.storefrontauth.persistence.DatabaseUnavailableException;
import com.storefrontauth.persistence.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tests' stand-in for the platform's transactions, outside a container: local JDBC transactions bound
 * to the calling thread, with the semantics of {@code JtaTransactions}. {@link #required} joins the transaction the
 * thread already has, or runs one of its own that commits when the work returns and rolls back when it
 * throws anything (the throwable reaches the caller unchanged). {@link #independent} suspends the
 * thread's transaction and runs one of its own on a second connection, so it needs a second pooled
 * connection and must not touch rows the suspended transaction has locked.
 */
class LocalTransactions implements Transactions, Connections {

    private static final Logger LOG = Logger.getLogger(LocalTransactions.class.getName());

    private final Database database;

    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();

    LocalTransactions(Database database) {
        this.database = database;
    }

    @Override
    public <T> T required(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        Connection connection = borrow();
        List<Runnable> hooks = new ArrayList<>();
        T result;
        try {
            begin(connection);
            bound.set(connection);
            committed.set(hooks);
            try {
                result = work.get();
            } catch (Throwable failure) {
                rollback(connection, failure);
                throw failure;
            }
            commit(connection);
        } finally {
            bound.remove();
            committed.remove();
            close(connection);
        }
        // outside the transaction and with its connection back in the pool: an action may start its own
        hooks.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> hooks = committed.get();
        if (hooks == null) {
            action.run();
        } else {
            hooks.add(action);
        }
    }

    @Override
    public <T> T independent(Supplier<T> work) {
        Connection suspended = bound.get();
        List<Runnable> suspendedHooks = committed.get();
        bound.remove();
        committed.remove();
        try {
            return required(work);
        } finally {
            if (suspended != null) {
                bound.set(suspended);
                committed.set(suspendedHooks);
            }
        }
    }

    /** Whether the calling thread is inside {@link #required}. */
    public boolean active() {
        return bound.get() != null;
    }

    @Override
    public Dialect dialect() {
        return database.dialect();
    }

    @Override
    public <T> T withConnection(ConnectionWork<T> work, Supplier<String> action) {
        Connection current = bound.get();
        try {
            if (current != null) {
                return work.apply(current);
            }
            try (Connection own = borrow()) {
                return work.apply(own);
            }
        } catch (SQLException e) {
            throw Connections.failure(action.get(), e);
        }
    }

    /** No connection is unavailability (503), whatever SQLState the pool gives it (an app server's gives none). */
    private Connection borrow() {
        try {
            return database.dataSource().getConnection();
        } catch (SQLException e) {
            LOG.warning("Database unavailable while trying to obtain a database connection: " + e.getMessage());
            throw new DatabaseUnavailableException();
        }
    }

    private static void begin(Connection connection) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw Connections.failure("begin a transaction", e);
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw Connections.failure("commit", e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a pooled connection failed", e);
        }
    }
}
