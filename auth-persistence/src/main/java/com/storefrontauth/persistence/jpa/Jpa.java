package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.DatabaseUnavailableException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.exceptions.DatabaseException;

/**
 * JPA work in the caller's transaction, or in one of its own when there is none (an entity manager lives
 * only in a transaction); failures unchecked as the JDBC repositories give them: 503 when the connection
 * is the problem, else {@link DataAccessException} with the driver's exception in its causes.
 */
@Dependent
public class Jpa {

    private static final Logger LOG = Logger.getLogger(Jpa.class.getName());
    private static final Map<String, Object> READ_ONLY = Map.of(QueryHints.READ_ONLY, HintValues.TRUE);

    private final Transactions transactions;
    private final EntityManagers entityManagers;

    @Inject
    public Jpa(Transactions transactions, EntityManagers entityManagers) {
        this.transactions = transactions;
        this.entityManagers = entityManagers;
    }

    /** @param action what the work does, for messages ("list CORS origins") */
    public <T> T run(String action, Function<EntityManager, T> work) {
        return transactions.required(() -> {
            try {
                return work.apply(entityManagers.current());
            } catch (PersistenceException e) {
                throw failure(action, e);
            }
        });
    }

    /**
     * Work that only reads ({@link EntityManagers#reading}): in the caller's transaction when there is one,
     * else outside any, without a transaction of its own. No locks, cursors or writes in it.
     *
     * @param action what the work does, for messages ("find a customer")
     */
    public <T> T read(String action, Function<EntityManager, T> work) {
        try {
            return entityManagers.reading(work);
        } catch (PersistenceException | DatabaseException e) {
            throw failure(action, e);
        }
    }

    /**
     * The query of a read, read-only when the entity manager is one {@link #read} opened outside a
     * transaction: its rows are built once and never registered for change tracking (no working and backup
     * copies), since that entity manager ends with the read. Inside a transaction it stays an ordinary query:
     * EclipseLink runs a read-only query on its parent session, which does not see the transaction's writes.
     */
    public static <T> TypedQuery<T> readOnly(EntityManager em, TypedQuery<T> query) {
        return em.isJoinedToTransaction() ? query : query.setHint(QueryHints.READ_ONLY, HintValues.TRUE);
    }

    /** {@link #readOnly} for {@code EntityManager.find}. */
    public static Map<String, Object> readOnly(EntityManager em) {
        return em.isJoinedToTransaction() ? Map.of() : READ_ONLY;
    }

    private static RuntimeException failure(String action, RuntimeException e) {
        if (DatabaseUnavailableException.isConnectionFailure(e)) {
            LOG.warning("Database unavailable while trying to " + action + ": " + e.getMessage());
            return new DatabaseUnavailableException();
        }
        return new DataAccessException("Could not " + action + ": " + e.getMessage(), e);
    }
}
