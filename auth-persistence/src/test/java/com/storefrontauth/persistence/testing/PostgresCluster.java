package com.storefrontauth.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster built with the machine's own binaries ({@code initdb}, {@code pg_ctl}
 * under {@code /usr/lib/postgresql/<version>/bin}, or {@code -Dit.postgres.bin=<dir>}): a temporary data
 * directory, trust authentication, listening on 127.0.0.1 only, on a free port. One cluster serves the
 * whole test run (each test class gets its own database in it); it is stopped and its directory deleted
 * when the run ends. Missing binaries fail the PostgreSQL tests unless {@code -Dit.postgres=skip}.
 */
public final class PostgresCluster {

    public static final String SKIP_PROPERTY = "it.postgres";
    private static final String SUPERUSER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 90;

    private static PostgresCluster shared;

    private final Path directory;
    private final Path binaries;
    private final boolean asPostgresUser;
    private final int port;

    private PostgresCluster(Path directory, Path binaries, boolean asPostgresUser, int port) {
        this.directory = directory;
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** The run's cluster, started on first use; aborts (skips) the caller under {@code -Dit.postgres=skip}. */
    public static synchronized PostgresCluster shared() {
        Assumptions.assumeFalse(
                "skip".equalsIgnoreCase(System.getProperty(SKIP_PROPERTY)),
                "PostgreSQL tests skipped by -D" + SKIP_PROPERTY + "=skip");
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresCluster::stopShared, "postgres-cluster-stop"));
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    /** A new, empty database in the cluster: its JDBC URL. */
    public String createDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database in " + this, e);
        }
        return url(name);
    }

    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresCluster start() {
        Path binaries = findBinaries()
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin,"
                                + " -Dit.postgres.bin or the PATH. Install PostgreSQL (e.g. apt-get install postgresql)"
                                + " or run with -D" + SKIP_PROPERTY + "=skip to skip the PostgreSQL tests."));
        boolean root = isRoot();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path directory = createDirectory(root);
            PostgresCluster cluster = new PostgresCluster(directory, binaries, root, freePort());
            try {
                cluster.initialise();
                cluster.run(
                        "pg_ctl",
                        "-D",
                        cluster.data().toString(),
                        "-l",
                        directory.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        "-c listen_addresses=127.0.0.1 -p " + cluster.port + " -k " + directory
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                        "start");
                return cluster;
            } catch (IllegalStateException e) {
                last = e;
                cluster.stop();
            }
        }
        throw last;
    }

    private void initialise() {
        run(
                "initdb",
                "-D",
                data().toString(),
                "-U",
                SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync");
    }

    private void stop() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "30", "stop");
            }
        } catch (IllegalStateException e) {
            System.err.println("Stopping the test PostgreSQL cluster failed: " + e.getMessage());
        } finally {
            deleteRecursively(directory);
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = directory.resolve(program + ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        program + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s: " + tail(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ": " + tail(output) + tail(directory.resolve("server.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    private static Optional<Path> findBinaries() {
        String configured = System.getProperty("it.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured)).filter(PostgresCluster::hasServerBinaries);
        }
        Path installed = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(PostgresCluster::hasServerBinaries)
                        .max(Comparator.comparing(PostgresCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = System.getenv("PATH");
        return path == null
                ? Optional.empty()
                : Stream.of(path.split(java.io.File.pathSeparator))
                        .filter(entry -> !entry.isBlank())
                        .map(Paths::get)
                        .filter(PostgresCluster::hasServerBinaries)
                        .findFirst();
    }

    private static boolean hasServerBinaries(Path directory) {
        return Files.isExecutable(directory.resolve("initdb")) && Files.isExecutable(directory.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT)) || uid() == 0;
    }

    private static long uid() {
        try {
            Object uid = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
            return ((Number) uid).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static Path createDirectory(boolean root) {
        try {
            Path directory = Files.createTempDirectory("storefront-auth-pg-");
            if (root) {
                Process chown = new ProcessBuilder("chown", SUPERUSER + ":", directory.toString())
                        .inheritIO()
                        .start();
                if (!chown.waitFor(30, TimeUnit.SECONDS) || chown.exitValue() != 0) {
                    throw new IllegalStateException("Could not hand " + directory + " to the postgres user");
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            String text = Files.readString(file);
            return "\n" + (text.length() > 2000 ? text.substring(text.length() - 2000) : text);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("Could not delete " + path + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL test cluster on 127.0.0.1:" + port + " in " + directory;
    }

    /**
     * Stops the shared cluster when the whole test run is over (JUnit closes root-store resources then);
     * the shutdown hook is only the safety net for a run that dies first.
     */
    public static final class Lifecycle implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(PostgresCluster.class))
                    .getOrComputeIfAbsent(Lifecycle.class, key -> new StopAtEnd(), StopAtEnd.class);
        }
    }

    @SuppressWarnings("deprecation")
    private static final class StopAtEnd implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stopShared();
        }
    }
}
