package com.storefrontauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The pool's configuration rules; the migration itself is covered on both databases by MigrationTest. */
class DatabaseTest {

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void whenTheUrlIsNeitherH2NorPostgresqlThenStartingIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TestPool.open("jdbc:mysql://localhost/auth", "u", "secret", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth.db.url must start with jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void whenTheUrlIsKnownThenTheDriverIsChosenFromItsPrefix() {
        assertThat(Dialect.of("jdbc:h2:mem:x").driverClassName()).isEqualTo("org.h2.Driver");
        assertThat(Dialect.of("JDBC:PostgreSQL://db/auth").driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(Dialect.of(Database.DEFAULT_URL)).isEqualTo(Dialect.H2);
    }

    @Test
    void whenAUrlCarriesAPasswordThenMessagesShowItMasked() {
        assertThat(Database.redacted("jdbc:postgresql://db/auth?user=auth&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/auth?user=auth&password=***&ssl=true");
        assertThat(Database.redacted("jdbc:h2:./data/auth;PASSWORD=s3cret;LOCK_TIMEOUT=1"))
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> Dialect.of("jdbc:oracle:thin:@db?password=s3cret"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void whenTheH2FileDatabaseLivesInARelativeDirectoryThatDoesNotExistThenItIsCreated() throws Exception {
        Path directory = Paths.get("target", "h2-" + UUID.randomUUID(), "data");
        assertThat(directory).doesNotExist();
        Database database = TestPool.open(
                "jdbc:h2:./" + directory.toString().replace('\\', '/') + "/auth;LOCK_TIMEOUT=10000", null, null, 2);
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.isValid(2)).isTrue();
        } finally {
            database.close();
        }
        assertThat(Files.list(directory))
                .anyMatch(file -> file.getFileName().toString().startsWith("auth."));
    }

    @Test
    void whenTheDatabaseIsUnreachableThenUseFailsFastAsServiceUnavailable() throws Exception {
        Database database = TestPool.open("jdbc:postgresql://127.0.0.1:" + closedPort() + "/auth", "auth", null, 2);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(database::dataSource).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                assertThat(e.retryAfterSeconds()).isPresent();
                assertThat(e.detail()).doesNotContain("127.0.0.1");
            });
            assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
        } finally {
            database.close();
        }
    }

    @Test
    void whenTheServersResourceGivesNoConnectionThenUseFailsAsServiceUnavailableAndRecoversWhenItDoes()
            throws Exception {
        // an application server's pool refuses with a bare SQLException: no SQLState, its own message
        AtomicBoolean down = new AtomicBoolean(true);
        String url = "jdbc:h2:mem:resource-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DataSource resource = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (down.get()) {
                        throw new SQLException("Error in allocating a connection. Cause: Connection refused");
                    }
                    return DriverManager.getConnection(url, "sa", "");
                });
        Database database = Database.serverResource("jdbc/storefrontAuth", resource);

        assertThatThrownBy(database::dataSource)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        down.set(false);
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(database.dialect()).isEqualTo(Dialect.H2);
            assertThat(connection
                            .createStatement()
                            .executeQuery("SELECT COUNT(*) FROM stores")
                            .next())
                    .isTrue();
        }
    }
}
