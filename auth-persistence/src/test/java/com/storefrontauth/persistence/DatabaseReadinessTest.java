package com.storefrontauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

    @Test
    void whenTheDatabaseIsUnreachableThenTheCheckIsDownWithinItsTimeoutAndDoesNotThrow() throws Exception {
        Database database =
                TestPool.open("jdbc:postgresql://127.0.0.1:" + DatabaseTest.closedPort() + "/auth", "auth", null, 2);
        DatabaseReadiness readiness = new DatabaseReadiness(database);
        try {
            long started = System.nanoTime();
            HealthCheckResponse response = readiness.call();
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(response.getName()).isEqualTo("database");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).isPresent();
            assertThat(elapsedMillis).isLessThan(DatabaseReadiness.TIMEOUT.toMillis() + 1000);
        } finally {
            readiness.close();
            database.close();
        }
    }

    @Test
    void whenTheDatabaseComesUpThenTheCheckTurnsUp() {
        Database database =
                TestPool.open("jdbc:h2:mem:readiness-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        DatabaseReadiness readiness = new DatabaseReadiness(database);
        try {
            assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            readiness.close();
            database.close();
        }
    }
}
