package com.storefrontauth.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;

/**
 * A {@link Database} outside the container: a HikariCP pool where the server would give its own. Test
 * code only; the service's connections always come from a container pool.
 */
public final class TestPool {

    private TestPool() {}

    /** A migrated database on a pool of {@code poolSize} connections, waiting at most 3 s for one. */
    public static Database open(String url, String user, String password, int poolSize) {
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("storefront-auth-test");
        config.setJdbcUrl(url.strip());
        config.setDriverClassName(dialect.driverClassName());
        Optional.ofNullable(user)
                .filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(dialect.defaultUser()))
                .ifPresent(config::setUsername);
        Optional.ofNullable(password).filter(value -> !value.isEmpty()).ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(3000);
        config.setValidationTimeout(2000);
        // Start even when the database is down: callers then get 503s until it is back.
        config.setInitializationFailTimeout(-1);
        return Database.over(new HikariDataSource(config), url);
    }
}
