package com.storefrontauth.persistence;

import com.storefrontauth.domain.platform.StartupRefusal;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * out. Where they come from, first match wins:
 * <ol>
 * <li>{@code auth.db.url} when set: our own pool (HikariCP) over that URL (the uber-jar's way);</li>
 * <li>else the application server's JDBC resource named {@code auth.db.jndi-name} (default
 * {@code jdbc/storefrontAuth}) when the server has one: the pool its administrator defined (the WAR's way);</li>
 * <li>else embedded H2 under {@code ./data}, the laptop default.</li>
 * </ol>
 * When the database is unreachable the service still starts, the failure surfaces as
 * {@link DatabaseUnavailableException} on use, and migration is retried on the next use, so the
 * service recovers without a restart.
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

    /** The JDBC URL of our own pool; null when the server's resource is used. */
    String url;

    @Inject
    @ConfigProperty(name = "auth.db.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "auth.db.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "auth.db.pool.size", defaultValue = "10")
    int poolSize;

    /** How long a caller waits for a pooled connection before the request fails fast with 503. */
    @Inject
    @ConfigProperty(name = "auth.db.pool.connection-timeout-ms", defaultValue = "3000")
    long connectionTimeoutMillis;

    @Inject
    @ConfigProperty(name = "auth.signing.encryption-key")
    Optional<String> signingEncryptionKey;

    @Inject
    @ConfigProperty(name = "auth.otp.secret")
    Optional<String> otpSecret;

    private volatile Dialect dialect;
    /** Our own pool, or the server's resource: created or found once, then migrated before use. */
    private volatile DataSource pool;

    private String described;
    private volatile boolean migrated;

    protected Database() {
        // for CDI
    }

    /** A migrated pool outside CDI (tests, tools). */
    public static Database open(String url, String user, String password, int poolSize) {
        Database database = new Database();
        database.url = url;
        database.jndiName = DEFAULT_JNDI_NAME;
        database.user = Optional.ofNullable(user);
        database.password = Optional.ofNullable(password);
        database.poolSize = poolSize;
        database.connectionTimeoutMillis = 3000;
        database.start();
        return database;
    }

    /** An application server's resource outside CDI (tests). */
    static Database serverResource(String jndiName, DataSource resource) {
        Database database = new Database();
        database.jndiName = jndiName;
        database.useServerResource(resource);
        return database;
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
        url = explicitUrl.orElse(DEFAULT_URL);
        SecretsAtRest.refusal(url, signingEncryptionKey, otpSecret).ifPresent(reason -> {
            throw StartupRefusal.refuse(reason);
        });
        start();
    }

    /** The server's pool: its size and timeouts are the administrator's; the dialect is read from it. */
    private void useServerResource(DataSource resource) {
        pool = resource;
        described = "JDBC resource " + jndiName;
        LOG.info("Using the application server's " + described + "; auth.db.url and the auth.db.pool settings"
                + " do not apply to it");
        try {
            dataSource();
        } catch (DatabaseUnavailableException e) {
            LOG.warning(described + " is not reachable yet; the schema will be migrated on first use");
        }
    }

    private void start() {
        dialect = Dialect.of(url);
        described = redacted(url);
        if (poolSize < 1) {
            throw new IllegalStateException("auth.db.pool.size must be at least 1, not " + poolSize);
        }
        try {
            dataSource();
        } catch (DatabaseUnavailableException e) {
            LOG.warning("Database " + described + " is not reachable yet; the schema will be migrated on first use");
        }
    }

    /** Closes our own pool; the server's resource is the server's to close. */
    @PreDestroy
    public void close() {
        if (pool instanceof HikariDataSource own) {
            own.close();
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
            if (pool == null) {
                pool = createPool();
            }
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

    private HikariDataSource createPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("storefront-auth");
        config.setJdbcUrl(url.strip());
        config.setDriverClassName(dialect.driverClassName());
        user.filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(dialect.defaultUser()))
                .ifPresent(config::setUsername);
        password.filter(value -> !value.isEmpty()).ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(Math.max(250, connectionTimeoutMillis));
        config.setValidationTimeout(Math.max(250, Math.min(2000, connectionTimeoutMillis)));
        // Start even when the database is down: callers then get 503s until it is back.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private void migrate(DataSource dataSource) {
        try {
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
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
        }
    }

    /** The URL with any password-like parameter masked, for logs and messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl == null ? null : SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1=***");
    }
}
