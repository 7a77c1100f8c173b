package com.storefrontauth.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The physical connections behind the application's own container pool ({@link ApplicationDataSource}):
 * {@code auth.db.url}, {@code .user} and {@code .password} read through MicroProfile Config each time the pool
 * opens a connection, embedded H2 under {@code ./data} when no URL is set. Values in code rather than in the
 * pool's definition, so that the H2 default is a true fallback that the environment always overrides (a
 * default baked into the uber-jar would beat {@code AUTH_DB_URL}).
 */
public class ConfiguredDataSource implements DataSource {

    /** Seconds PostgreSQL waits to connect unless the URL says otherwise: an unreachable host answers 503 soon. */
    private static final String CONNECT_TIMEOUT_SECONDS = "3";

    private PrintWriter logWriter;
    private int loginTimeout;

    /** The URL connections are made to: {@code auth.db.url}, or embedded H2 when it is unset or blank. */
    static String url(Config config) {
        return config.getOptionalValue("auth.db.url", String.class)
                .filter(value -> !value.isBlank())
                .map(String::strip)
                .orElse(Database.DEFAULT_URL);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(null, null);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connect(user, password);
    }

    private Connection connect(String givenUser, String givenPassword) throws SQLException {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        String url = url(config);
        Dialect dialect = Dialect.of(url);
        Properties properties = new Properties();
        Optional.ofNullable(givenUser)
                .or(() -> config.getOptionalValue("auth.db.user", String.class))
                .filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(dialect.defaultUser()))
                .ifPresent(user -> properties.setProperty("user", user));
        Optional.ofNullable(givenPassword)
                .or(() -> config.getOptionalValue("auth.db.password", String.class))
                .filter(value -> !value.isEmpty())
                .ifPresent(password -> properties.setProperty("password", password));
        if (dialect == Dialect.POSTGRESQL) {
            properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        }
        Connection connection = driver(dialect).connect(url, properties);
        if (connection == null) {
            throw new SQLException("The driver does not accept " + Database.redacted(url), "08001");
        }
        return connection;
    }

    /** The driver from this application's class loader (the WAR's H2, not the server's older one). */
    private static Driver driver(Dialect dialect) throws SQLException {
        try {
            return (Driver) Class.forName(dialect.driverClassName(), true, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("No JDBC driver " + dialect.driverClassName(), "08001", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
