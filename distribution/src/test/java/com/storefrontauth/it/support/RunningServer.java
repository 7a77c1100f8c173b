package com.storefrontauth.it.support;

import com.storefrontauth.persistence.testing.PostgresCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shipped uber-jar, started once per test JVM on a free loopback port and stopped when the JVM
 * exits. The database is H2 in a temporary folder, or a database in the throwaway PostgreSQL cluster
 * of the persistence tests when the system property {@code it.database} is {@code postgres}. Email goes
 * to the test JVM's {@link MailServer}, SMS and WhatsApp to its {@link WebhookReceiver}.
 */
public final class RunningServer {

    public static final String ADMIN_EMAIL = "admin@it.example";
    public static final String ADMIN_PASSWORD = "correct horse battery staple 42";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private static RunningServer instance;
    private static RunningServer peer;
    private static int peerGridPort;

    private final Process process;
    private final Path workDir;
    private final int port;
    private final Duration startup;
    private final Map<String, String> sharedEnvironment;

    private RunningServer(
            Process process, Path workDir, int port, Duration startup, Map<String, String> sharedEnvironment) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.startup = startup;
        this.sharedEnvironment = sharedEnvironment;
    }

    public static synchronized RunningServer get() {
        if (instance == null) {
            instance = start(Map.of(), clusterSettings());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /**
     * A second instance sharing the first one's PostgreSQL database, issuer and key encryption, as two
     * instances behind a load balancer would.
     */
    public static synchronized RunningServer peer() {
        if (!"postgres".equals(System.getProperty("it.database"))) {
            throw new IllegalStateException(
                    "a peer instance needs the shared PostgreSQL database (it.database=postgres)");
        }
        if (peer == null) {
            peer = start(get().sharedEnvironment, Map.of("AUTH_CLUSTER_PORT", String.valueOf(peerGridPort)));
            RunningServer started = peer;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return peer;
    }

    /** Kills the peer instance at once (SIGKILL: no shutdown, no goodbye to the data grid). */
    public static synchronized void killPeer() {
        if (peer != null) {
            peer.process.destroyForcibly();
            try {
                peer.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            peer = null;
        }
    }

    /**
     * In the PostgreSQL pass the shared instance and its peer form one data-grid cluster on loopback
     * (the peer joins when first asked for); on H2 the shared instance stays alone and unclustered.
     */
    private static Map<String, String> clusterSettings() {
        if (!"postgres".equals(System.getProperty("it.database"))) {
            return Map.of();
        }
        try {
            int own = freePort();
            peerGridPort = freePort();
            return Map.of(
                    "AUTH_CLUSTER_MEMBERS",
                    "127.0.0.1:" + own + ",127.0.0.1:" + peerGridPort,
                    "AUTH_CLUSTER_PORT",
                    String.valueOf(own),
                    "AUTH_CLUSTER_NAME",
                    "it-" + java.util.UUID.randomUUID());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An instance of its own (own database) with settings the shared one must not have, for a test that
     * would disturb every other test on the shared instance. Stop it when done.
     */
    public static RunningServer dedicated(Map<String, String> settings) {
        RunningServer server = start(Map.of(), settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** An instance of its own started with this class-data archive in place of the build's. Stop it when done. */
    public static RunningServer dedicatedWithClassArchive(Path archive) {
        RunningServer server = start(Map.of(), Map.of(), archive);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** The class-data archive the build writes beside the uber-jar (the README's run command maps it). */
    public static Path classArchive() {
        String jar = System.getProperty("server.jar");
        return Path.of(jar.substring(0, jar.length() - ".jar".length()) + ".jsa");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The server's process id (to look at the sockets it listens on). */
    public long pid() {
        return process.pid();
    }

    public Duration startup() {
        return startup;
    }

    /** The server's log so far (for tests that check what is, or is not, logged). */
    public String log() {
        try {
            return Files.readString(workDir.resolve("server.log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunningServer start(Map<String, String> shared) {
        return start(shared, Map.of());
    }

    private static RunningServer start(Map<String, String> shared, Map<String, String> settings) {
        return start(shared, settings, classArchive());
    }

    private static RunningServer start(Map<String, String> shared, Map<String, String> settings, Path archive) {
        String jar = System.getProperty("server.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("system property server.jar must name the built uber-jar, got " + jar);
        }
        try {
            Path workDir = Files.createTempDirectory(Path.of(System.getProperty("work.dir", "target")), "server-");
            int port = freePort();
            ProcessBuilder builder = builder(jar, workDir, port, archive);
            Map<String, String> env = builder.environment();
            Map<String, String> instanceEnv = new java.util.HashMap<>(shared);
            if (instanceEnv.isEmpty()) {
                instanceEnv.put("AUTH_ISSUER", "http://127.0.0.1:" + port);
                instanceEnv.put("AUTH_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
                instanceEnv.put("AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
                instanceEnv.put("AUTH_SIGNING_ENCRYPTION_KEY", "integration-test-key-encryption-secret");
                instanceEnv.put("AUTH_SMTP_HOST", "127.0.0.1");
                instanceEnv.put(
                        "AUTH_SMTP_PORT", String.valueOf(MailServer.get().port()));
                instanceEnv.put("AUTH_SMTP_FROM", "Storefront Auth <no-reply@it.example>");
                instanceEnv.put("AUTH_SMS_WEBHOOK_URL", WebhookReceiver.get().url("sms"));
                instanceEnv.put(
                        "AUTH_WHATSAPP_WEBHOOK_URL", WebhookReceiver.get().url("whatsapp"));
                instanceEnv.put("AUTH_WEBHOOK_SECRET", WebhookReceiver.SECRET);
                // every test signs in from 127.0.0.1; AccountRouteLimitIT checks the window on an instance of its own
                instanceEnv.put("AUTH_ACCOUNTS_IP_RATE_LIMIT_PER_MINUTE", "100000");
                if ("postgres".equals(System.getProperty("it.database"))) {
                    PostgresCluster postgres = PostgresCluster.shared();
                    instanceEnv.put("AUTH_DB_URL", postgres.createDatabase());
                    instanceEnv.put("AUTH_DB_USER", postgres.user());
                    // off embedded H2 the service refuses to start without it (the H2 pass keeps the generated one)
                    instanceEnv.put("AUTH_OTP_SECRET", "integration-test-otp-secret");
                } else {
                    instanceEnv.put("AUTH_DB_URL", "jdbc:h2:" + workDir.resolve("db/auth") + ";LOCK_TIMEOUT=10000");
                }
            }
            instanceEnv.putAll(settings);
            env.putAll(instanceEnv);
            Instant begun = Instant.now();
            Process process = builder.start();
            RunningServer server = new RunningServer(process, workDir, port, Duration.ZERO, instanceEnv);
            server.awaitReady();
            return new RunningServer(process, workDir, port, Duration.between(begun, Instant.now()), instanceEnv);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the server", e);
        }
    }

    /**
     * The uber-jar started with exactly this {@code AUTH_*} environment and not awaited, for tests of a
     * start that must fail; the caller stops it.
     */
    public static Attempt attempt(Map<String, String> environment) {
        try {
            Path workDir = Files.createTempDirectory(Path.of(System.getProperty("work.dir", "target")), "attempt-");
            ProcessBuilder builder = builder(System.getProperty("server.jar"), workDir, freePort(), classArchive());
            builder.environment().putAll(environment);
            return new Attempt(builder.start(), workDir.resolve("server.log"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start the server", e);
        }
    }

    /** A started uber-jar process and the file its output goes to. */
    public record Attempt(Process process, Path log) {

        public String output() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** As the README's run command starts it: its JVM flags, then the uber-jar's own options. */
    private static ProcessBuilder builder(String jar, Path workDir, int port, Path archive) throws IOException {
        Path preboot = workDir.resolve("preboot.asadmin");
        // the HTTP listener binds to loopback only
        Files.writeString(
                preboot,
                "set configs.config.server-config.network-config.network-listeners"
                        + ".network-listener.http-listener.address=127.0.0.1\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive,
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-jar",
                jar,
                "--port",
                String.valueOf(port),
                "--rootdir",
                workDir.resolve("payara").toString(),
                "--prebootcommandfile",
                preboot.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AUTH_"));
        return builder;
    }

    /** Payara keeps serving 404s after a failed deployment, so readiness probes an app URL. */
    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during startup:\n" + tail());
            }
            if (log().contains("Exception while loading the app")) {
                stop();
                throw new IllegalStateException("the deployment failed:\n" + tail());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/.well-known/openid-configuration"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("the server was not ready within " + STARTUP_LIMIT + ":\n" + tail());
    }

    private String tail() {
        String log = log();
        return log.length() > 8000 ? log.substring(log.length() - 8000) : log;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
