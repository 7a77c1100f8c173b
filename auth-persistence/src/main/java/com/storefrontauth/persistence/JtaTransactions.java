package com.storefrontauth.persistence;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.persistence.jdbc.Connections;
import com.storefrontauth.persistence.jpa.EntityManagers;
import com.storefrontauth.persistence.jpa.PersistenceUnit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;

/**
 * The platform's transactions (JTA) behind the domain's {@link Transactions} port. {@link #required} joins
 * the thread's transaction (one a {@code @Transactional} use case began, say) or begins, commits and on any
 * throwable rolls back one of its own; {@link #independent} suspends the thread's transaction and runs a new
 * one (REQUIRES_NEW), on a second pooled connection, so it must not touch rows the suspended one has locked.
 * The container's pool enlists its connections in the transaction; JDBC work holds one handle per
 * transaction, closed when the transaction completes; JPA work one entity manager per transaction, whose
 * connection the pool takes from the same enlisted connection, and from then on JDBC work runs on the entity
 * manager's connection (one open handle at a time), so JDBC and JPA writes commit together. Reads outside a
 * transaction ({@link #reading}) begin none.
 */
@ApplicationScoped
public class JtaTransactions implements Transactions, Connections, EntityManagers {

    private static final Logger LOG = Logger.getLogger(JtaTransactions.class.getName());
    /** The transaction's connection handle and entity manager, as resources of the transaction. */
    private static final Object CONNECTION = new Object();

    private static final Object ENTITY_MANAGER = new Object();

    @Inject
    Database database;

    @Inject
    PersistenceUnit persistenceUnit;

    // Payara's name for it; Jakarta EE names no standard one (only for the registry)
    @Resource(lookup = "java:appserver/TransactionManager")
    TransactionManager transactionManager;

    @Resource
    TransactionSynchronizationRegistry registry;

    protected JtaTransactions() {
        // for CDI
    }

    @Override
    public <T> T required(Supplier<T> work) {
        if (inTransaction()) {
            return work.get();
        }
        begin();
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            rollback(failure);
            throw failure;
        }
        commit();
        return result;
    }

    @Override
    public <T> T independent(Supplier<T> work) {
        Transaction suspended = suspend();
        try {
            return required(work);
        } finally {
            if (suspended != null) {
                resume(suspended);
            }
        }
    }

    /** Runs after the commit, with the thread no longer in the transaction: an action may begin its own. */
    @Override
    public void afterCommit(Runnable action) {
        if (!inTransaction()) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(afterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }));
    }

    @Override
    public Dialect dialect() {
        return database.dialect();
    }

    @Override
    public <T> T withConnection(ConnectionWork<T> work, Supplier<String> action) {
        try {
            if (inTransaction()) {
                return work.apply(transactionConnection());
            }
            forgetCompletedTransaction();
            try (Connection own = borrow()) {
                return work.apply(own);
            }
        } catch (SQLException e) {
            throw Connections.failure(action.get(), e);
        }
    }

    /** One per transaction, joined to it: it flushes before the commit and is closed once the transaction ends. */
    @Override
    public EntityManager current() {
        if (!inTransaction()) {
            throw new IllegalStateException("JPA work runs inside Transactions.required");
        }
        EntityManager current = (EntityManager) registry.getResource(ENTITY_MANAGER);
        if (current != null) {
            return current;
        }
        // the transaction's JDBC work, if any came first, moves to the entity manager's connection: its handle is
        // closed first. Payara shares an enlisted non-XA connection with a new handle only while no other handle
        // of it is open; with two open handles every EclipseLink statement took a second pooled connection for a
        // moment, and 20 concurrent refreshes on a pool of 10 waited on each other until the pool gave up (503s in
        // StorefrontSessionIT). Else the transaction is announced, so that the pool enlists EclipseLink's connection
        Connection jdbcHandle = (Connection) registry.getResource(CONNECTION);
        if (jdbcHandle != null) {
            closeHandle(jdbcHandle);
        } else {
            announceTransaction();
        }
        EntityManager entityManager = persistenceUnit.factory().createEntityManager();
        entityManager.joinTransaction();
        registry.putResource(ENTITY_MANAGER, entityManager);
        registry.registerInterposedSynchronization(afterCompletion(status -> entityManager.close()));
        // EclipseLink's own handle (it begins its transaction now), the transaction's one connection from the pool;
        // EclipseLink closes it when the transaction completes
        registry.putResource(CONNECTION, entityManagerConnection(entityManager));
        return entityManager;
    }

    /**
     * The first and only connection of the transaction's JPA work: nothing has run on it yet, so a failure here is
     * the pool's refusal or an unreachable database (503), whatever EclipseLink and the pool call it.
     */
    private static Connection entityManagerConnection(EntityManager entityManager) {
        try {
            return entityManager.unwrap(Connection.class);
        } catch (PersistenceException | DatabaseException e) {
            LOG.warning("Database unavailable while trying to obtain a database connection: " + e.getMessage());
            throw new DatabaseUnavailableException();
        }
    }

    /**
     * Outside a transaction the entity manager joins none: EclipseLink takes a connection from the pool for
     * each query and returns it at once, and the pool enlists it nowhere, so each statement commits by itself.
     */
    @Override
    public <T> T reading(Function<EntityManager, T> work) {
        if (inTransaction()) {
            return work.apply(current());
        }
        forgetCompletedTransaction();
        EntityManager entityManager = persistenceUnit.factory().createEntityManager();
        try {
            return work.apply(entityManager);
        } catch (PersistenceException | DatabaseException e) {
            if (DatabaseUnavailableException.isLostConnectionOutsideTransaction(e)) {
                LOG.warning("Database unavailable while reading: " + e.getMessage());
                throw new DatabaseUnavailableException();
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }

    /** One handle per transaction: the pool gives every handle of a transaction the same enlisted connection. */
    private Connection transactionConnection() {
        Connection current = (Connection) registry.getResource(CONNECTION);
        if (current != null) {
            return current;
        }
        announceTransaction();
        Connection connection = borrow();
        registry.putResource(CONNECTION, connection);
        registry.registerInterposedSynchronization(afterCompletion(status -> closeHandle(connection)));
        return connection;
    }

    /** Closing a handle twice does nothing: the one the entity manager replaced is closed early. */
    private static void closeHandle(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a connection handle failed", e);
        }
    }

    private static Synchronization afterCompletion(IntConsumer action) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the transaction manager commits or rolls back the connection itself
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        };
    }

    /**
     * Payara's pool enlists a connection in the transaction that the thread's component invocation (the
     * request, say) names, and its transaction manager updates that name on resume, not on begin: without this
     * a connection taken in a request would not be enlisted at all and would auto-commit every statement.
     */
    private void announceTransaction() {
        try {
            transactionManager.resume(transactionManager.suspend());
        } catch (Exception e) {
            throw new IllegalStateException("Could not enlist in the thread's transaction", e);
        }
    }

    /**
     * Outside a transaction: a suspend that finds none clears the component invocation's reference to a
     * transaction that has completed, which the pool would otherwise try to enlist the connection in.
     */
    private void forgetCompletedTransaction() {
        try {
            transactionManager.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Could not clear the completed transaction", e);
        }
    }

    /** No connection is unavailability (503), whatever SQLState the pool gives it (Payara's gives none). */
    private Connection borrow() {
        try {
            return database.dataSource().getConnection();
        } catch (SQLException e) {
            LOG.warning("Database unavailable while trying to obtain a database connection: " + e.getMessage());
            throw new DatabaseUnavailableException();
        }
    }

    private boolean inTransaction() {
        try {
            return transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("The transaction manager cannot tell the thread's transaction", e);
        }
    }

    private void begin() {
        try {
            transactionManager.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("Could not begin a transaction", e);
        }
    }

    private void commit() {
        try {
            transactionManager.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            if (DatabaseUnavailableException.isConnectionFailure(e)) {
                LOG.warning("Database unavailable while committing: " + e.getMessage());
                throw new DatabaseUnavailableException();
            }
            throw new DataAccessException("Could not commit: " + e.getMessage(), e);
        }
    }

    private void rollback(Throwable cause) {
        try {
            transactionManager.rollback();
        } catch (SystemException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private Transaction suspend() {
        try {
            return transactionManager.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Could not suspend the transaction", e);
        }
    }

    private void resume(Transaction suspended) {
        try {
            transactionManager.resume(suspended);
        } catch (Exception e) {
            throw new IllegalStateException("Could not resume the suspended transaction", e);
        }
    }
}
