package com.storefrontauth.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's own container pool, used wherever the server has no JDBC resource for us (the uber-jar,
 * a laptop): Payara pools and enlists its connections in JTA like an administrator's resource, and
 * {@link ConfiguredDataSource} opens them from {@code AUTH_DB_URL} or embedded H2. Nothing is opened before
 * the first use, so a server whose own resource serves never touches it. Payara reads
 * {@code @DataSourceDefinition} from an enterprise bean in a library jar of the WAR, which is all this bean is
 * for. Connections are checked with {@code Connection.isValid} at most once a second, and one that fails
 * empties the pool: after a database restart the service recovers without one of its own.
 */
@Singleton
@DataSourceDefinition(
        name = ApplicationDataSource.NAME,
        className = "com.storefrontauth.persistence.ConfiguredDataSource",
        initialPoolSize = 0,
        minPoolSize = 0,
        maxPoolSize = ApplicationDataSource.MAX_POOL_SIZE,
        maxIdleTime = 300,
        properties = {
            "fish.payara.max-wait-time-in-millis=" + ApplicationDataSource.MAX_WAIT_MILLIS,
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=1",
            "fish.payara.fail-all-connections=true",
            // each pooled connection keeps its last prepared statements (LRU): a request's statements are parsed
            // once per connection, not once per use. The blank cache type means LRU: Payara reads a missing type
            // as the class name "null" (payara/Payara#6647)
            "fish.payara.statement-cache-size=" + ApplicationDataSource.STATEMENT_CACHE_SIZE,
            "fish.payara.statement-cache-type= "
        })
public class ApplicationDataSource {

    static final String NAME = "java:app/jdbc/storefrontAuthDefault";
    static final int MAX_POOL_SIZE = 10;
    /** How long a request waits for a pooled connection before it answers 503. */
    static final int MAX_WAIT_MILLIS = 3000;
    /** Prepared statements kept per connection: more than the application's hot statements. */
    static final int STATEMENT_CACHE_SIZE = 64;
}
