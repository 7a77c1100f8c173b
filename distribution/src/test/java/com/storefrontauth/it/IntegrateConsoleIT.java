package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.IntegratePage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Integrate page in headless Chromium: its snippets, run as a merchant would paste them, work. */
class IntegrateConsoleIT {

    private static final String SAMPLE_EMAIL = "shopper@example.com";

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(RunningServer.get().baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void whenTheCurlSnippetsOfAFreshStoreAreRunThenTheCustomerSignsUpAndInWithTokens() throws Exception {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example.com");
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        IntegratePage page = IntegratePage.open(browser, store.id());
        browser.screenshot("console-integrate");
        assertThat(page.storeId()).isEqualTo(store.id());
        assertThat(page.publishableKey()).isEqualTo(store.publishableKey());
        assertThat(page.origins()).containsExactly("https://shop.example.com");

        // the merchant's only edit: their customer's email instead of the sample one
        String email = "integrate." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonObject signedUp = run(page.snippet("curl-sign-up").replace(SAMPLE_EMAIL, email));
        assertThat(signedUp.getString("status")).as(signedUp.toString()).isEqualTo("authenticated");
        assertThat(signedUp.getJsonObject("user").getString("email")).isEqualTo(email);
        JsonObject signedIn = run(page.snippet("curl-sign-in").replace(SAMPLE_EMAIL, email));
        assertThat(signedIn.getString("status")).as(signedIn.toString()).isEqualTo("authenticated");
        assertThat(signedIn.getString("access_token")).isNotBlank();
        assertThat(signedIn.getString("refresh_token")).isNotBlank();

        String base = RunningServer.get().baseUrl();
        assertThat(page.snippet("fetch"))
                .contains(
                        "fetch('" + base + "/api/v1/stores/" + store.id() + "/auth/login'",
                        "'X-Storefront-Api-Key': '" + store.publishableKey() + "'");
        assertThat(page.snippet("verify")).contains("audience: " + store.id(), "/.well-known/jwks.json");
        assertThat(page.snippet("commerce-engine"))
                .contains(
                        "createStorefront",
                        "baseUrl: '" + base + "/api/v1/" + store.id() + "/storefront'",
                        "apiKey: '" + store.publishableKey() + "'");
        assertThat(page.snippet("scalev"))
                .contains(base + "/v3/stores/" + store.id(), "X-Scalev-Storefront-Api-Key: " + store.publishableKey());
        assertThat(page.snippet("luxmart")).contains(base + "/v1/accounts/");
    }

    /** Runs a shell snippet as pasted into a terminal and reads its JSON answer. */
    private static JsonObject run(String snippet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", snippet)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        try (var reader = Json.createReader(new StringReader(output))) {
            return reader.readObject();
        }
    }
}
