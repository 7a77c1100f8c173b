package com.storefrontauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.persistence.testing.PostgresCluster;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

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
    /** V1 to Vn, one per script, none skipped (counted, so that a new migration needs no edit here). */
    static final int MIGRATIONS = scripts();

    @Parameter
    TestDatabase target;

    private static int scripts() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .count();
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
            for (int version = 1; version <= MIGRATIONS; version++) {
                assertThat(count(
                                database,
                                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = ?"
                                        + " AND \"success\" = TRUE",
                                String.valueOf(version)))
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
                    .isEqualTo(MIGRATIONS);
            assertThat(count(second, "SELECT COUNT(*) FROM platform_settings WHERE name = 'kept'"))
                    .isEqualTo(1);
        } finally {
            second.close();
        }
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
