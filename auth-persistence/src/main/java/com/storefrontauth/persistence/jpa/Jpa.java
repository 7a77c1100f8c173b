package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.DatabaseUnavailableException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * JPA work in the caller's transaction, or in one of its own when there is none (an entity manager lives
 * only in a transaction); failures unchecked as the JDBC repositories give them: 503 when the connection
 * is the problem, else {@link DataAccessException} with the driver's exception in its causes.
 */
@Dependent
public class Jpa {

    private static final Logger LOG = Logger.getLogger(Jpa.class.getName());

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

    private static RuntimeException failure(String action, PersistenceException e) {
        if (DatabaseUnavailableException.isConnectionFailure(e)) {
            LOG.warning("Database unavailable while trying to " + action + ": " + e.getMessage());
            return new DatabaseUnavailableException();
        }
        return new DataAccessException("Could not " + action + ": " + e.getMessage(), e);
    }
}
