package com.storefrontauth.persistence.jpa;

import com.storefrontauth.persistence.Database;
import com.storefrontauth.persistence.DatabaseUnavailableException;
import com.storefrontauth.persistence.Dialect;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The JPA unit (EclipseLink) on the service's datasource, bootstrapped here rather than by the server:
 * at startup, once the datasource is chosen and its schema migrated. In the server its transactions are
 * JTA's. When the database cannot be reached at startup the unit is built on first use instead.
 */
@ApplicationScoped
public class PersistenceUnit {

    static final String NAME = "storefront-auth";
    static final String LOCATION = "META-INF/storefront-auth-persistence.xml";

    private static final Logger LOG = Logger.getLogger(PersistenceUnit.class.getName());

    @Inject
    Database database;

    private volatile EntityManagerFactory factory;

    protected PersistenceUnit() {
        // for CDI
    }

    /**
     * The unit with {@code overrides} (tests run it on local transactions); the platform from the dialect, on H2 one
     * that binds time values as the columns hold them ({@link H2ZonedPlatform}).
     */
    public static EntityManagerFactory create(Dialect dialect, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", LOCATION);
        properties.put(
                "eclipselink.target-database",
                dialect == Dialect.POSTGRESQL
                        ? "org.eclipse.persistence.platform.database.PostgreSQLPlatform"
                        : H2ZonedPlatform.class.getName());
        properties.putAll(overrides);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(NAME, properties);
        try {
            // EclipseLink deploys the unit lazily; deploying now makes a mapping error fail here, not in a request
            factory.createEntityManager().close();
            return factory;
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    /** After the database has opened (same event, later priority), on the deploying thread. */
    void bootstrap(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) @Initialized(ApplicationScoped.class)
                    Object started) {
        try {
            factory();
        } catch (DatabaseUnavailableException | PersistenceException e) {
            LOG.warning("The persistence unit could not start yet; it starts on first use: " + e.getMessage());
        }
    }

    public EntityManagerFactory factory() {
        EntityManagerFactory ready = factory;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            if (factory == null) {
                factory = create(
                        database.dialect(),
                        Map.of(
                                "jakarta.persistence.jtaDataSource",
                                database.dataSource(),
                                // joins the server's JTA transactions (Payara is GlassFish's heir)
                                "eclipselink.target-server",
                                "Glassfish"));
            }
            return factory;
        }
    }

    @PreDestroy
    void close() {
        if (factory != null) {
            factory.close();
        }
    }
}
