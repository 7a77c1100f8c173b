package com.storefrontauth.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A full Payara Server (unpacked by the build) with a domain of its own in a temporary folder, driven by
 * {@code asadmin} the way an enterprise's administrator would: every listener bound to loopback, a port block
 * nobody else uses, the PostgreSQL driver in the domain's {@code lib}. Stopped by {@link #stop()}.
 */
public final class PayaraServer {

    private static final String DOMAIN = "storefront";
    /** The ports a domain created with {@code --portbase} uses, as offsets from the base. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(4);

    private final Path home;
    private final Path domains;
    private final int portBase;
    private final Map<String, String> environment;

    private PayaraServer(Path home, Path domains, int portBase, Map<String, String> environment) {
        this.home = home;
        this.domains = domains;
        this.portBase = portBase;
        this.environment = environment;
    }

    /**
     * A new domain, started with this environment (the application's {@code AUTH_*} settings, which the
     * server's JVM inherits from {@code asadmin start-domain}).
     */
    public static PayaraServer start(Map<String, String> environment) throws IOException {
        Path home = Path.of(required("payara.server.home"));
        Path domains = Files.createTempDirectory(Path.of(System.getProperty("work.dir", "target")), "payara-server-");
        PayaraServer server = new PayaraServer(home, domains, freePortBase(), environment);
        server.asadmin(
                false,
                "create-domain",
                "--nopassword",
                "--portbase",
                String.valueOf(server.portBase),
                "--domaindir",
                domains.toString(),
                DOMAIN);
        Path domain = domains.resolve(DOMAIN);
        loopbackOnly(domain.resolve("config/domain.xml"));
        Files.copy(Path.of(required("payara.server.jdbcDriver")), domain.resolve("lib/postgresql.jar"));
        server.asadmin(false, "start-domain", "--domaindir", domains.toString(), DOMAIN);
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort();
    }

    public int httpPort() {
        return portBase + 80;
    }

    /** Runs an administration command against the running domain; fails the test on a non-zero exit. */
    public String asadmin(String... arguments) {
        return asadmin(true, arguments);
    }

    public String log() {
        try {
            return Files.readString(domains.resolve(DOMAIN).resolve("logs/server.log"));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    public void stop() {
        try {
            asadmin(false, "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (RuntimeException e) {
            // the domain may not have started; nothing else to stop
        }
    }

    private String asadmin(boolean remote, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        if (remote) {
            command.add("--port");
            command.add(String.valueOf(portBase + 48));
        }
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(domains, "asadmin-", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("AUTH_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "asadmin " + String.join(" ", arguments) + " took over " + COMMAND_LIMIT);
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed:\n" + printed
                        + "\n-- server log --\n" + tail(log()));
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("could not run asadmin", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The generated domain listens on every interface; a test server listens on loopback only. */
    private static void loopbackOnly(Path domainXml) throws IOException {
        String xml = Files.readString(domainXml)
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replace(
                        "<hazelcast-runtime-configuration ",
                        "<hazelcast-runtime-configuration das-bind-address=\"127.0.0.1\" ");
        Files.writeString(domainXml, xml);
    }

    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of 100 ports found for Payara Server");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), base + offset));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException(
                    "system property " + property + " must name what the build unpacked, got " + value);
        }
        return value;
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
