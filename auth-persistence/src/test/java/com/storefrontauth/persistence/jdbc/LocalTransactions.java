package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.Database;
import com.storefrontauth.persistence.DatabaseUnavailableException;
import com.storefrontauth.persistence.Dialect;
import com.storefrontauth.persistence.jpa.EntityManagers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The tests' stand-in for the platform's transactions, outside a container: resource-local transactions of
 * the JPA unit bound to the calling thread, whose JDBC work runs on the entity manager's own connection (as
 * in the server, where the pool gives both the one enlisted connection), with the semantics of
 * {@code JtaTransactions}. {@link #required} joins the transaction the thread already has, or runs one of
 * its own that commits when the work returns and rolls back when it throws anything (the throwable reaches
 * the caller unchanged). {@link #independent} suspends the thread's transaction and runs one of its own on
 * a second connection, so it needs a second pooled connection and must not touch rows the suspended
 * transaction has locked.
 */
class LocalTransactions implements Transactions, Connections, EntityManagers {

    private static final Logger LOG = Logger.getLogger(LocalTransactions.class.getName());

    private final Database database;
    private final EntityManagerFactory unit;

    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    /** The thread's transaction: its entity manager, the connection under it and its after-commit actions. */
    private record Bound(EntityManager entityManager, Connection connection, List<Runnable> committed) {}

    LocalTransactions(Database database, EntityManagerFactory unit) {
        this.database = database;
        this.unit = unit;
    }

    @Override
    public <T> T required(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        EntityManager entityManager = begin();
        Bound transaction = new Bound(entityManager, entityManager.unwrap(Connection.class), new ArrayList<>());
        T result;
        try {
            bound.set(transaction);
            try {
                result = work.get();
            } catch (Throwable failure) {
                rollback(entityManager, failure);
                throw failure;
            }
            commit(entityManager);
        } finally {
            bound.remove();
            entityManager.close();
        }
        // outside the transaction and with its connection back in the pool: an action may start its own
        transaction.committed().forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Bound transaction = bound.get();
        if (transaction == null) {
            action.run();
        } else {
            transaction.committed().add(action);
        }
    }

    @Override
    public <T> T independent(Supplier<T> work) {
        Bound suspended = bound.get();
        bound.remove();
        try {
            return required(work);
        } finally {
            if (suspended != null) {
                bound.set(suspended);
            }
        }
    }

    @Override
    public EntityManager current() {
        Bound transaction = bound.get();
        if (transaction == null) {
            throw new IllegalStateException("JPA work runs inside Transactions.required");
        }
        return transaction.entityManager();
    }

    /** Outside a transaction on an entity manager of its own that begins none (the pool's connection auto-commits). */
    @Override
    public <T> T reading(Function<EntityManager, T> work) {
        if (bound.get() != null) {
            return work.apply(current());
        }
        database.dataSource();
        EntityManager entityManager = unit.createEntityManager();
        try {
            return work.apply(entityManager);
        } finally {
            entityManager.close();
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
        Bound transaction = bound.get();
        try {
            if (transaction != null) {
                return work.apply(transaction.connection());
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

    private EntityManager begin() {
        database.dataSource();
        EntityManager entityManager = unit.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            return entityManager;
        } catch (PersistenceException e) {
            entityManager.close();
            throw failure("begin a transaction", e);
        }
    }

    private static void commit(EntityManager entityManager) {
        try {
            entityManager.getTransaction().commit();
        } catch (PersistenceException e) {
            if (entityManager.getTransaction().isActive()) {
                rollback(entityManager, e);
            }
            throw failure("commit", e);
        }
    }

    private static void rollback(EntityManager entityManager, Throwable cause) {
        try {
            entityManager.getTransaction().rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static RuntimeException failure(String action, PersistenceException e) {
        if (DatabaseUnavailableException.isConnectionFailure(e)) {
            return new DatabaseUnavailableException();
        }
        return new DataAccessException("Could not " + action + ": " + e.getMessage(), e);
    }
}
