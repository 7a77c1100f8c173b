package com.storefrontauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.storefrontauth.persistence.testing.PostgresCluster;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@ExtendWith(PostgresCluster.Lifecycle.class)
class MigrationTest {

    static final List<String> TABLES = List.of(
            "stores",
            "accounts",
            "account_stores",
            "api_keys",
            "cors_origins",
            "sessions",
            "used_refresh_tokens",
            "audit_events",
            "signing_keys",
            "platform_settings",
            "customers",
            "login_failures",
            "otp_challenges",
            "otp_activity",
            "outbox_messages");
    /** The version of every script and of the Java migration (read, so that a new script needs no edit here). */
    static final List<String> VERSIONS = versions();

    @Parameter
    TestDatabase target;

    private static List<String> versions() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return Stream.concat(
                            files.map(file -> file.getFileName().toString())
                                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                                    .map(name -> name.substring(1, name.indexOf("__"))),
                            Stream.of(new CustomerSearchIndex().getVersion().getVersion()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Database database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void whenAFreshDatabaseIsOpenedThenTheMigrationCreatesEveryTable() throws Exception {
        Database database = target.open();
        try {
            for (String table : TABLES) {
                assertThat(count(
                                database,
                                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'"
                                        + " AND LOWER(table_name) = ?",
                                table))
                        .as(table)
                        .isEqualTo(1);
            }
            for (String version : VERSIONS) {
                assertThat(count(
                                database,
                                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = ?"
                                        + " AND \"success\" = TRUE",
                                version))
                        .as("V" + version)
                        .isEqualTo(1);
            }
        } finally {
            database.close();
        }
    }

    @Test
    void whenTheSameDatabaseIsOpenedAgainThenNothingIsMigratedTwiceAndDataSurvives() throws Exception {
        String url = target.createUrl();
        Database first = TestPool.open(url, target.user(), "", 2);
        try (Connection connection = first.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO platform_settings (name, setting_value) VALUES ('kept', 'yes')");
        } finally {
            first.close();
        }

        Database second = TestPool.open(url, target.user(), "", 2);
        try {
            assertThat(count(
                            second,
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                                    + " AND \"version\" IS NOT NULL"))
                    .isEqualTo(VERSIONS.size());
            assertThat(count(second, "SELECT COUNT(*) FROM platform_settings WHERE name = 'kept'"))
                    .isEqualTo(1);
        } finally {
            second.close();
        }
    }

    @Test
    void whenAFreshDatabaseIsOpenedThenTheCustomerSearchHasItsTrigramIndexOnPostgresqlOnly() throws Exception {
        Database database = target.open();
        try {
            boolean postgresql = target == TestDatabase.POSTGRESQL;
            assertThat(count(
                            database,
                            postgresql
                                    ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?"
                                    : "SELECT COUNT(*) FROM information_schema.indexes WHERE LOWER(index_name) = ?",
                            CustomerSearchIndex.INDEX))
                    .isEqualTo(postgresql ? 1 : 0);
            assertThat(count(
                            database,
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '14'"
                                    + " AND \"success\" = TRUE"))
                    .isEqualTo(1);
        } finally {
            database.close();
        }
    }

    @Test
    void whenThePostgresqlUserMayNotCreateTheTrigramExtensionThenTheSchemaIsMigratedWithoutTheIndex() throws Exception {
        assumeTrue(target == TestDatabase.POSTGRESQL, "extension privileges are PostgreSQL's");
        String url = target.createUrl();
        String user = "limited_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection superuser = DriverManager.getConnection(url, target.user(), "");
                Statement statement = superuser.createStatement()) {
            statement.execute("CREATE ROLE " + user + " LOGIN");
            // its tables in the public schema, but no CREATE on the database, which a trusted extension needs
            statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + user);
        }
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(CustomerSearchIndex.class.getName());
        log.addHandler(handler);
        Database database = TestPool.open(url, user, "", 2);
        try {
            assertThat(count(database, "SELECT COUNT(*) FROM customers")).isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
                    .isZero();
            assertThat(count(
                            database, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?", CustomerSearchIndex.INDEX))
                    .isZero();
            assertThat(count(
                            database,
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                                    + " AND \"version\" IS NOT NULL"))
                    .isEqualTo(VERSIONS.size());
            assertThat(logged).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage())
                        .contains("Migration 14 skipped", "permission denied", "CREATE EXTENSION pg_trgm");
            });
        } finally {
            log.removeHandler(handler);
            database.close();
        }
    }

    @Test
    void whenSessionsOfAnEarlierReleaseAreMigratedThenEachIsUsableUntilItsIdleEndOrItsExpiryWhicheverIsFirst()
            throws Exception {
        String url = target.createUrl();
        Flyway.configure()
                .dataSource(url, target.user(), "")
                .locations("classpath:db/migration")
                .target("12")
                .load()
                .migrate();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        try (Connection connection = DriverManager.getConnection(url, target.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO stores (id, name, mode, status, login_policy, created_at)"
                    + " VALUES ('st_upgrade', 'Upgrade', 'TEST', 'ACTIVE', '{}', CURRENT_TIMESTAMP)");
            // abandoned ten days ago with a day of idle time, a year before its expiry
            insertSession(connection, "ses_idle", now.minusDays(10), Duration.ofDays(1), now.plusDays(300));
            insertSession(connection, "ses_used", now.minusHours(1), Duration.ofDays(1), now.plusDays(300));
            // a year of idle time outlasts an expiry five days away
            insertSession(connection, "ses_expiring", now.minusHours(1), Duration.ofDays(365), now.plusDays(5));
        }
        Database database = TestPool.open(url, target.user(), "", 2);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, usable_until FROM sessions ORDER BY id")) {
            Map<String, Instant> usableUntil = new HashMap<>();
            while (rows.next()) {
                usableUntil.put(
                        rows.getString(1),
                        rows.getObject(2, OffsetDateTime.class).toInstant());
            }
            assertThat(usableUntil)
                    .containsEntry("ses_idle", now.minusDays(9).toInstant())
                    .containsEntry("ses_used", now.plusHours(23).toInstant())
                    .containsEntry("ses_expiring", now.plusDays(5).toInstant())
                    .hasSize(3);
        } finally {
            database.close();
        }
    }

    private static void insertSession(
            Connection connection, String id, OffsetDateTime lastUsed, Duration idle, OffsetDateTime expires)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sessions (id, store_id,"
                        + " subject_kind, subject, created_at, last_used_at, expires_at, idle_timeout_seconds,"
                        + " access_ttl_seconds, refresh_hash) VALUES (?, 'st_upgrade', 'CUSTOMER', 'cus_1', ?, ?, ?, ?, 900, ?)")) {
            insert.setString(1, id);
            insert.setObject(2, lastUsed);
            insert.setObject(3, lastUsed);
            insert.setObject(4, expires);
            insert.setLong(5, idle.toSeconds());
            insert.setString(6, "hash_" + id);
            insert.executeUpdate();
        }
    }

    @Test
    void whenTheTrigramIndexCannotBeBuiltForAnotherReasonThenStartFailsAndTheNextStartBuildsIt() throws Exception {
        assumeTrue(target == TestDatabase.POSTGRESQL, "the trigram index is PostgreSQL's");
        String url = target.createUrl();
        // the schema an instance of the previous release left
        Flyway.configure()
                .dataSource(url, target.user(), "")
                .locations("classpath:db/migration")
                .target("13")
                .load()
                .migrate();
        String impatient = url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout=200";
        try (Connection holder = DriverManager.getConnection(url, target.user(), "");
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            // a long transaction writing customers: the index build cannot have its lock in time
            statement.execute("LOCK TABLE customers IN EXCLUSIVE MODE");
            assertThatThrownBy(() -> Database.over(dataSource(impatient), impatient))
                    .isInstanceOf(IllegalStateException.class)
                    .rootCause()
                    .hasMessageContaining("lock timeout");
            holder.rollback();
        }
        Database database = Database.over(dataSource(url), url);
        assertThat(count(database, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?", CustomerSearchIndex.INDEX))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '14'"
                                + " AND \"success\" = TRUE"))
                .isEqualTo(1);
    }

    private DataSource dataSource(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(target.user());
        return source;
    }

    @Test
    void whenTheDatabaseAnswersThenTheReadinessCheckIsUp() {
        Database database = target.open();
        try {
            HealthCheckResponse response = new DatabaseReadiness(database).call();

            assertThat(response.getName()).isEqualTo("database");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            database.close();
        }
    }
}
