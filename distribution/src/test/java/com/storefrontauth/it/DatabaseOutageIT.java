package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.CuttableLink;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import com.storefrontauth.persistence.testing.PostgresCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away under a running instance and coming back, as a database restart does, on an instance
 * of its own whose connections pass through a link the test cuts: requests answer 503 with Retry-After at
 * once (no hang, no 500), and the instance serves again when the database is back, without a restart. In the
 * PostgreSQL pass only.
 */
class DatabaseOutageIT {

    @Test
    void whenTheDatabaseGoesAwayThenRequestsAnswer503WithinFiveSecondsAndServeAgainOnceItIsBack() throws Exception {
        PostgresCluster postgres = PostgresCluster.shared();
        String database = postgres.createDatabase();
        try (CuttableLink link = CuttableLink.to(postgres.port())) {
            String throughLink = database.replace(":" + postgres.port() + "/", ":" + link.port() + "/");
            RunningServer server = RunningServer.dedicated(Map.of("AUTH_DB_URL", throughLink));
            try {
                Api api = Api.of(server);
                assertThat(signIn(api).status()).isEqualTo(200);

                link.cut();
                long begun = System.nanoTime();
                Reply down = signIn(api);
                Duration answeredIn = Duration.ofNanos(System.nanoTime() - begun);
                assertProblem(down, 503, "service_unavailable");
                assertThat(Long.parseLong(down.header("Retry-After"))).isPositive();
                assertThat(answeredIn).isLessThan(Duration.ofSeconds(5));
                assertThat(api.get("/health/ready").status()).isEqualTo(503);

                link.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                Reply back = signIn(api);
                while (back.status() != 200 && System.nanoTime() < deadline) {
                    assertThat(back.status()).as(back.toString()).isEqualTo(503);
                    Thread.sleep(250);
                    back = signIn(api);
                }
                assertThat(back.status())
                        .as("signed in again without a restart: " + back)
                        .isEqualTo(200);
            } finally {
                server.stop();
            }
        }
    }

    private static Reply signIn(Api api) {
        return api.post(
                "/api/v1/accounts/login",
                Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD));
    }
}
