package com.storefrontauth.persistence;

import com.storefrontauth.domain.platform.StartupRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The service's connections, with the schema brought up to date by Flyway before the first one is handed
 * out. They always come from a container pool whose connections take part in the platform's (JTA)
 * transactions; which one, first match wins:
 * <ol>
 * <li>{@code auth.db.url} when set: the application's own pool ({@link ApplicationDataSource}) over that URL
 * (the uber-jar's way);</li>
 * <li>else the application server's JDBC resource named {@code auth.db.jndi-name} (default
 * {@code jdbc/storefrontAuth}) when the server has one: the pool its administrator defined (the WAR's way);</li>
 * <li>else the application's own pool over embedded H2 under {@code ./data}, the laptop default.</li>
 * </ol>
 * The schema is migrated at startup. When the database is unreachable the service still starts, the
 * failure surfaces as {@link DatabaseUnavailableException} on use, and migration is retried on the next
 * use, so the service recovers without a restart.
 */
@ApplicationScoped
public class Database {

    static final String DEFAULT_URL = "jdbc:h2:./data/auth;LOCK_TIMEOUT=10000";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)(password|passwd|pwd|sslpassword|sslkey)=([^&;]*)");

    static final String DEFAULT_JNDI_NAME = "jdbc/storefrontAuth";

    @Inject
    @ConfigProperty(name = "auth.db.url")
    Optional<String> configuredUrl;

    @Inject
    @ConfigProperty(name = "auth.db.jndi-name", defaultValue = DEFAULT_JNDI_NAME)
    String jndiName;

    @Inject
    @ConfigProperty(name = "auth.signing.encryption-key")
    Optional<String> signingEncryptionKey;

    @Inject
    @ConfigProperty(name = "auth.otp.secret")
    Optional<String> otpSecret;

    // Payara's name for it; null outside a server (tests), where there are no JTA transactions to step out of
    @Resource(lookup = "java:appserver/TransactionManager")
    TransactionManager transactionManager;

    private volatile Dialect dialect;
    /** The application's pool or the server's resource: found once, then migrated before use. */
    private volatile DataSource pool;

    private String described;
    private volatile boolean migrated;
    /** A pool handed over by {@link #over}, which {@link #close} closes; container pools are the container's. */
    private AutoCloseable owned;

    protected Database() {
        // for CDI
    }

    /** A pool outside the container (tests, tools), migrated at once when its database answers. */
    public static Database over(DataSource pool, String url) {
        Database database = new Database();
        database.jndiName = DEFAULT_JNDI_NAME;
        database.pool = pool;
        database.owned = pool instanceof AutoCloseable closeable ? closeable : null;
        database.start(url);
        return database;
    }

    /** An application server's resource outside CDI (tests). */
    static Database serverResource(String jndiName, DataSource resource) {
        Database database = new Database();
        database.jndiName = jndiName;
        database.useServerResource(resource);
        return database;
    }

    /**
     * Opens the database while the application starts, on the deploying thread (which can look up the
     * application's pool), before any other startup work or thread of ours uses it.
     */
    void open(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started) {
        dialect();
    }

    /** The service's database: refused before any connection when it would hold usable secrets. */
    @PostConstruct
    void init() {
        Optional<String> explicitUrl = configuredUrl.filter(value -> !value.isBlank());
        Optional<DataSource> resource = explicitUrl.isPresent() ? Optional.empty() : ServerResource.find(jndiName);
        if (resource.isPresent()) {
            SecretsAtRest.refusalForResource(jndiName, signingEncryptionKey, otpSecret)
                    .ifPresent(reason -> {
                        throw StartupRefusal.refuse(reason);
                    });
            useServerResource(resource.get());
            return;
        }
        String url = explicitUrl.map(String::strip).orElse(DEFAULT_URL);
        SecretsAtRest.refusal(url, signingEncryptionKey, otpSecret).ifPresent(reason -> {
            throw StartupRefusal.refuse(reason);
        });
        pool = ServerResource.find(ApplicationDataSource.NAME)
                .orElseThrow(() -> new IllegalStateException(
                        "The application's datasource " + ApplicationDataSource.NAME + " is not bound"));
        start(url);
    }

    /** The server's pool: its size and timeouts are the administrator's; the dialect is read from it. */
    private void useServerResource(DataSource resource) {
        pool = resource;
        described = "JDBC resource " + jndiName;
        LOG.info("Using the application server's " + described + "; auth.db.url does not apply to it");
        try {
            dataSource();
        } catch (DatabaseUnavailableException e) {
            LOG.warning(described + " is not reachable yet; the schema will be migrated on first use");
        }
    }

    private void start(String url) {
        dialect = Dialect.of(url);
        described = redacted(url);
        try {
            dataSource();
        } catch (DatabaseUnavailableException e) {
            LOG.warning("Database " + described + " is not reachable yet; the schema will be migrated on first use");
        }
    }

    /** Closes a pool handed over by {@link #over}. */
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.fine("Closing the pool failed: " + e.getMessage());
            }
        }
    }

    /** The database's kind; known once a connection has been made (at the latest by {@link #dataSource()}). */
    public Dialect dialect() {
        return dialect;
    }

    /** The pool, once the schema is current. */
    public DataSource dataSource() {
        DataSource ready = pool;
        if (ready != null && migrated) {
            return ready;
        }
        synchronized (this) {
            if (dialect == null) {
                dialect = dialectOf(pool);
            }
            if (!migrated) {
                migrate(pool);
                migrated = true;
            }
            return pool;
        }
    }

    /** A server's pool reports a refused connection its own way (no SQLState): no connection is unavailability. */
    private Dialect dialectOf(DataSource resource) {
        Connection connection;
        try {
            connection = resource.getConnection();
        } catch (SQLException e) {
            LOG.warning("No connection from " + described + ": " + e.getMessage());
            throw new DatabaseUnavailableException();
        }
        try (connection) {
            return Dialect.of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Reading the kind of database behind " + described + " failed: " + e.getMessage(), e);
        }
    }

    /** Flyway commits as it goes: never inside the caller's transaction, whose connection it could not commit. */
    private void migrate(DataSource dataSource) {
        Transaction suspended = suspendTransaction();
        try {
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new CustomerSearchIndex())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("Database " + dialect + " " + described + " at schema version "
                    + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                    + " (" + result.migrationsExecuted + " migration(s) applied)");
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isConnectionFailure(e)) {
                throw new DatabaseUnavailableException();
            }
            throw new IllegalStateException("Migrating database " + described + " failed: " + e.getMessage(), e);
        } finally {
            resume(suspended);
        }
    }

    private Transaction suspendTransaction() {
        try {
            return transactionManager == null ? null : transactionManager.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Could not step out of the transaction to migrate the schema", e);
        }
    }

    private void resume(Transaction suspended) {
        if (suspended == null) {
            return;
        }
        try {
            transactionManager.resume(suspended);
        } catch (Exception e) {
            throw new IllegalStateException("Could not resume the transaction after migrating the schema", e);
        }
    }

    /** The URL with any password-like parameter masked, for logs and messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl == null ? null : SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1=***");
    }
}
