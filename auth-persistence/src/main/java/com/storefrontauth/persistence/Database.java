package com.storefrontauth.persistence;

import com.storefrontauth.domain.platform.StartupRefusal;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The connection pool (HikariCP) over the configured database, with the schema brought up to date by
 * Flyway before the first connection is handed out. H2 is the laptop default; PostgreSQL is production.
 * When the database is unreachable the pool still starts, the failure surfaces as
 * {@link DatabaseUnavailableException} on use, and migration is retried on the next use, so the
 * service recovers without a restart.
 */
@ApplicationScoped
public class Database {

    static final String DEFAULT_URL = "jdbc:h2:./data/auth;LOCK_TIMEOUT=10000";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)(password|passwd|pwd|sslpassword|sslkey)=([^&;]*)");

    @Inject
    @ConfigProperty(name = "auth.db.url", defaultValue = DEFAULT_URL)
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

    private Dialect dialect;
    private volatile HikariDataSource pool;
    private volatile boolean migrated;

    protected Database() {
        // for CDI
    }

    /** A migrated pool outside CDI (tests, tools). */
    public static Database open(String url, String user, String password, int poolSize) {
        Database database = new Database();
        database.url = url;
        database.user = Optional.ofNullable(user);
        database.password = Optional.ofNullable(password);
        database.poolSize = poolSize;
        database.connectionTimeoutMillis = 3000;
        database.start();
        return database;
    }

    /** The service's database: refused before any connection when it would hold usable secrets. */
    @PostConstruct
    void init() {
        SecretsAtRest.refusal(url, signingEncryptionKey, otpSecret).ifPresent(reason -> {
            throw StartupRefusal.refuse(reason);
        });
        start();
    }

    private void start() {
        dialect = Dialect.of(url);
        if (poolSize < 1) {
            throw new IllegalStateException("auth.db.pool.size must be at least 1, not " + poolSize);
        }
        try {
            dataSource();
        } catch (DatabaseUnavailableException e) {
            LOG.warning("Database " + redacted(url) + " is not reachable yet; the schema will be migrated on first use");
        }
    }

    @PreDestroy
    public void close() {
        HikariDataSource open = pool;
        if (open != null) {
            open.close();
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool, once the schema is current. */
    public DataSource dataSource() {
        HikariDataSource ready = pool;
        if (ready != null && migrated) {
            return ready;
        }
        synchronized (this) {
            if (pool == null) {
                pool = createPool();
            }
            if (!migrated) {
                migrate(pool);
                migrated = true;
            }
            return pool;
        }
    }

    private HikariDataSource createPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("storefront-auth");
        config.setJdbcUrl(url.strip());
        config.setDriverClassName(dialect.driverClassName());
        user.filter(value -> !value.isBlank()).or(() -> Optional.ofNullable(dialect.defaultUser()))
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
            LOG.info("Database " + dialect + " " + redacted(url) + " at schema version "
                    + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                    + " (" + result.migrationsExecuted + " migration(s) applied)");
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isConnectionFailure(e)) {
                throw new DatabaseUnavailableException();
            }
            throw new IllegalStateException("Migrating database " + redacted(url) + " failed: " + e.getMessage(), e);
        }
    }

    /** The URL with any password-like parameter masked, for logs and messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl == null ? null : SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1=***");
    }
}
