package com.storefrontauth.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 14: on PostgreSQL, a {@code pg_trgm} GIN index the customer search's substring matching can use, so
 * a query that matches few customers no longer reads the whole store. Its expressions are exactly those the
 * search compares ({@code LOWER(column) LIKE LOWER(pattern)}, CustomerEntity.MATCHES and the repository's
 * native gathering), or the planner could not use it. Java rather than SQL because it is optional: H2 has no
 * trigram index, and a PostgreSQL user that may not create the extension (or a server without it) must still
 * start; both skip it with a log line, and the search then stays correct but reads the store as before. Any
 * other failure (a statement or lock timeout, a full disk) fails the migration, so that it runs again at the
 * next start instead of being recorded as done without its index.
 */
final class CustomerSearchIndex implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(CustomerSearchIndex.class.getName());
    static final String INDEX = "ix_customers_search_trgm";
    /** Refusals that mean "not here": no privilege; the extension not installed (PostgreSQL 14 and 15+). */
    private static final Set<String> NOT_AVAILABLE = Set.of("42501", "58P01", "0A000");

    private static final String SCHEMA_OF_TRIGRAMS = "SELECT quote_ident(n.nspname) FROM pg_extension e"
            + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "customer search trigram index";
    }

    /**
     * None: Flyway then never compares this migration with the one recorded. A changed index definition must
     * come as a new migration; the description must not change either, or validation fails on databases that
     * ran it.
     */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (Dialect.of(connection.getMetaData().getURL()) != Dialect.POSTGRESQL) {
            LOG.info("Migration 14 skipped: the customer search's trigram index exists on PostgreSQL only");
            return;
        }
        // a refused statement aborts a PostgreSQL transaction: the savepoint keeps Flyway's usable
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            statement.execute(createIndex(trigramSchema(statement)));
            connection.releaseSavepoint(before);
            LOG.info("Migration 14: customer search index " + INDEX + " in place (pg_trgm)");
        } catch (SQLException e) {
            connection.rollback(before);
            if (!NOT_AVAILABLE.contains(e.getSQLState())) {
                throw e;
            }
            LOG.warning("Migration 14 skipped, the customer search reads the whole store for every query: the"
                    + " pg_trgm index could not be created (" + e.getMessage().strip() + "). After a superuser"
                    + " runs CREATE EXTENSION pg_trgm, create it with: " + createIndex("")
                    + "; (gin_trgm_ops qualified with pg_trgm's schema if that is not on the search path)");
        }
    }

    /** The operator class is named with the extension's schema: it need not be on the search path. */
    static String createIndex(String schema) {
        String operators = schema.isEmpty() ? "gin_trgm_ops" : schema + ".gin_trgm_ops";
        return "CREATE INDEX IF NOT EXISTS " + INDEX + " ON customers USING gin (LOWER(email) " + operators
                + ", LOWER(phone) " + operators + ", LOWER(first_name) " + operators + ", LOWER(last_name) " + operators
                + ")";
    }

    private static String trigramSchema(Statement statement) throws SQLException {
        try (ResultSet schema = statement.executeQuery(SCHEMA_OF_TRIGRAMS)) {
            schema.next();
            return schema.getString(1);
        }
    }
}
