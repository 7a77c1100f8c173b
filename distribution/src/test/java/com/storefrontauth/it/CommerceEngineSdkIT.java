package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The proof that a Commerce Engine storefront switches by its base URL alone: the published
 * {@code @commercengine/storefront-sdk} (pinned in {@code src/test/node/package.json} and its lock) runs
 * every auth flow it offers against the built uber-jar, in a test-mode store whose codes it reads from
 * {@code x-debug-mode}. Needs Debian's {@code nodejs} and {@code npm} ({@code .ci/run} installs them).
 */
class CommerceEngineSdkIT {

    private static final Path PROJECT = Path.of("src/test/node");
    private static final Path TARGET = Path.of(System.getProperty("work.dir", "target"));
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    /** The flows of script.mjs, in order: each must report success. */
    private static final List<String> FLOWS = List.of(
            "anonymous token",
            "register with email code, guest linked, get and update user",
            "login with email code, register_if_not_exists",
            "login with phone code, +44",
            "login with WhatsApp code, +91",
            "password: register, sign in, verify email, change password, change email",
            "password: register and sign in by phone",
            "forgot and reset password",
            "the SDK refreshes an expiring access token by itself",
            "refresh-token rotates; a reused refresh token is refused",
            "errors keep the envelope");

    private static Path installed;

    @Test
    void whenThePublishedSdkRunsEveryAuthFlowThenEachSucceeds() throws Exception {
        assumeTrue(
                onPath("node") && onPath("npm"),
                "node and npm are not installed (apt-get install nodejs npm; .ci/run installs them)");
        Path project = install();
        StoreFixture store = Fixtures.newStore("test");
        // 60 s access tokens let the script watch the SDK refresh one; the flows send ~80 requests from one address
        store.policy("whatsapp_otp_login", true, "access_token_ttl_seconds", 60, "ip_rate_limit_per_minute", 600);

        Path report = project.resolve("report-" + store.id() + ".jsonl");
        Path errors = project.resolve("report-" + store.id() + ".stderr");
        int exit = run(
                new ProcessBuilder(
                                "node", "script.mjs", RunningServer.get().baseUrl(), store.id(), store.publishableKey())
                        .directory(project.toFile())
                        .redirectOutput(report.toFile())
                        .redirectError(errors.toFile()),
                RUN_TIMEOUT);

        List<String> lines = Files.readAllLines(report);
        String transcript = String.join("\n", lines) + "\n" + Files.readString(errors);
        assertThat(exit).as(transcript).isZero();
        JsonObject summary = parse(lines.get(lines.size() - 1));
        assertThat(summary.getJsonArray("failed")).as(transcript).isEmpty();
        assertThat(summary.getJsonArray("flows").getValuesAs(JsonString::getString))
                .as(transcript)
                .containsExactlyElementsOf(FLOWS);
    }

    /** The script and its pinned dependencies under target/, installed once per run from the lock file. */
    private static synchronized Path install() throws IOException, InterruptedException {
        if (installed != null) {
            return installed;
        }
        Path project = Files.createDirectories(TARGET.resolve("commerce-engine-sdk"));
        for (String file : List.of("package.json", "package-lock.json", "script.mjs")) {
            Files.copy(PROJECT.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = project.resolve("npm-ci.log");
        // the cache under target/ lets a second run (and the PostgreSQL pass) install without the network
        int exit = run(
                new ProcessBuilder(
                                "npm",
                                "ci",
                                "--no-audit",
                                "--no-fund",
                                "--prefer-offline",
                                "--cache",
                                TARGET.resolve("npm-cache").toAbsolutePath().toString())
                        .directory(project.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile()),
                INSTALL_TIMEOUT);
        assertThat(exit).as(Files.readString(log)).isZero();
        installed = project;
        return project;
    }

    private static int run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", builder.command()) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    private static boolean onPath(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
