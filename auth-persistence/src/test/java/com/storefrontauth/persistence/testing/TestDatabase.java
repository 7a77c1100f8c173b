package com.storefrontauth.persistence.testing;

import com.storefrontauth.persistence.Database;
import com.storefrontauth.persistence.TestPool;
import java.util.UUID;

/** The databases every repository test runs against; each {@link #open} is a fresh, migrated database. */
public enum TestDatabase {
    H2("H2") {
        @Override
        public String createUrl() {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        }

        @Override
        public String user() {
            return "sa";
        }
    },
    POSTGRESQL("PostgreSQL") {
        @Override
        public String createUrl() {
            return PostgresCluster.shared().createDatabase();
        }

        @Override
        public String user() {
            return PostgresCluster.shared().user();
        }
    };

    /** Enough connections for the concurrency tests: every racing thread holds one. */
    public static final int POOL_SIZE = 24;

    private final String label;

    TestDatabase(String label) {
        this.label = label;
    }

    /** A new, empty database. */
    public abstract String createUrl();

    public abstract String user();

    public Database open() {
        return TestPool.open(createUrl(), user(), "", POOL_SIZE);
    }

    @Override
    public String toString() {
        return label;
    }
}
