package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.RunningServer;
import com.storefrontauth.persistence.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Off embedded H2 the service refuses to keep signing keys in clear and the code secret in the database:
 * the uber-jar started on PostgreSQL without AUTH_SIGNING_ENCRYPTION_KEY and AUTH_OTP_SECRET says why in
 * one line and exits non-zero, without having touched the database.
 */
class SecretsAtRestIT {

    private static final long EXIT_LIMIT_SECONDS = 180;

    @Test
    void whenStartedOnPostgresqlWithoutEitherSecretThenItExitsNonZeroNamingBothAndLeavesTheDatabaseUntouched()
            throws Exception {
        Assumptions.assumeTrue(
                "postgres".equals(System.getProperty("it.database")),
                "the rule is about databases other than embedded H2: the PostgreSQL pass runs it");
        PostgresCluster postgres = PostgresCluster.shared();
        String url = postgres.createDatabase();
        RunningServer.Attempt attempt = RunningServer.attempt(Map.of(
                "AUTH_DB_URL",
                url,
                "AUTH_DB_USER",
                postgres.user(),
                "AUTH_BOOTSTRAP_ADMIN_PASSWORD",
                "correct horse battery staple 42"));
        try {
            boolean exited = attempt.process().waitFor(EXIT_LIMIT_SECONDS, TimeUnit.SECONDS);

            assertThat(exited)
                    .as("exited within %d s; output:%n%s", EXIT_LIMIT_SECONDS, attempt.output())
                    .isTrue();
            assertThat(attempt.process().exitValue()).isNotZero();
            assertThat(attempt.output().lines().filter(line -> line.contains("Refusing to start")))
                    .singleElement()
                    .asString()
                    .contains("is not the embedded H2 database")
                    .contains("missing: AUTH_SIGNING_ENCRYPTION_KEY, AUTH_OTP_SECRET");
            assertThat(tables(url, postgres.user()))
                    .as("tables created in the refused database")
                    .isZero();
        } finally {
            attempt.process().destroyForcibly();
        }
    }

    private static int tables(String url, String user) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            row.next();
            return row.getInt(1);
        }
    }
}
