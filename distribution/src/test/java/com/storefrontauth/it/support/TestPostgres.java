package com.storefrontauth.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's own binaries (Debian's postgresql package), on
 * a free loopback port, trust authentication, deleted again at the end. initdb refuses to run as
 * root, so as root the cluster belongs to the {@code postgres} user.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    private static final List<TestPostgres> RUNNING = new ArrayList<>();

    private final Path dir;
    private final Path bin;
    private final int port;

    private TestPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static synchronized TestPostgres start(Path dir) throws IOException {
        Path bin = binaries();
        int port = RunningServer.freePort();
        Files.createDirectories(dir);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", USER + ":" + USER, dir.toString()), root);
        }
        Path data = dir.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--no-sync"), root);
        TestPostgres postgres = new TestPostgres(dir, bin, port);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("pg.log").toString(),
                "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                        + " -c fsync=off -c max_connections=50", "start"), root);
        RUNNING.add(postgres);
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    static synchronized void stopAll() {
        boolean root = "root".equals(System.getProperty("user.name"));
        for (TestPostgres postgres : RUNNING) {
            try {
                run(List.of(postgres.bin.resolve("pg_ctl").toString(), "-D", postgres.dir.resolve("data").toString(),
                        "-m", "immediate", "-w", "-t", "30", "stop"), root);
            } catch (IOException | IllegalStateException e) {
                System.getLogger(TestPostgres.class.getName()).log(System.Logger.Level.WARNING,
                        "could not stop PostgreSQL in " + postgres.dir, e);
            }
            deleteQuietly(postgres.dir);
        }
        RUNNING.clear();
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL server binaries are needed for the PostgreSQL pass "
                    + "(apt-get install postgresql); .ci/run installs them", e);
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            String output = new String(process.getInputStream().readAllBytes());
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + full + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.getLogger(TestPostgres.class.getName()).log(System.Logger.Level.WARNING, "could not delete " + dir, e);
        }
    }
}
