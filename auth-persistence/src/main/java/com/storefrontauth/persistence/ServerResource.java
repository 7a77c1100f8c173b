package com.storefrontauth.persistence;

import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The application server's JDBC resource, looked up by its JNDI name. On Payara Server an administrator
 * binds it with {@code asadmin create-jdbc-resource}; Payara Micro (the uber-jar) has none, so the lookup
 * finds nothing there and the service falls back to {@code auth.db.url}.
 */
final class ServerResource {

    private static final Logger LOG = Logger.getLogger(ServerResource.class.getName());

    private ServerResource() {}

    static Optional<DataSource> find(String jndiName) {
        if (jndiName == null || jndiName.isBlank()) {
            return Optional.empty();
        }
        try {
            Object bound = InitialContext.doLookup(jndiName.strip());
            if (bound instanceof DataSource dataSource) {
                return Optional.of(dataSource);
            }
            LOG.warning("JNDI name " + jndiName + " is bound to a "
                    + bound.getClass().getName() + ", not a DataSource; ignoring it");
            return Optional.empty();
        } catch (NamingException | RuntimeException e) {
            // no such resource here (the uber-jar, a laptop): the configured URL or embedded H2 serves instead
            return Optional.empty();
        }
    }
}
