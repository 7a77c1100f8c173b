package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR that enterprises deploy on their own Payara, deployed by Arquillian into a managed Payara
 * Micro: it must migrate its database, bootstrap the admin and serve the API under its context root.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WarDeploymentArquillianIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("server.war")));
    }

    @Test
    void whenWarIsDeployedThenAdminSignsInAndManagesAStore() throws Exception {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort()
                + deploymentUrl.getPath().replaceAll("/$", "");
        HttpResponse<String> login = post(
                base + "/api/v1/accounts/login",
                "{\"email\":\"admin@localhost\",\"password\":\"arquillian-admin-password\"}",
                null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = read(login.body(), "access_token");

        HttpResponse<String> store =
                post(base + "/api/v1/stores", "{\"name\":\"Arquillian\",\"mode\":\"test\"}", token);
        assertThat(store.statusCode()).as(store.body()).isEqualTo(201);
        String storeId = read(store.body(), "id");
        HttpResponse<String> key =
                post(base + "/api/v1/stores/" + storeId + "/api-keys", "{\"type\":\"publishable\"}", token);
        assertThat(key.statusCode()).isEqualTo(201);

        HttpResponse<String> guest = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/stores/" + storeId + "/auth/anonymous"))
                        .header("X-Storefront-Api-Key", read(key.body(), "key"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(guest.statusCode()).as(guest.body()).isEqualTo(200);
        assertThat(guest.body()).contains("\"status\":\"authenticated\"", "\"user\":null");
    }

    /** Without SMTP or webhook settings, codes go to the dev channel: kept on a test-mode store's outbox page. */
    @Test
    void whenNoProviderIsConfiguredThenTheDevChannelKeepsTheCodeOnTheOutboxPage() throws Exception {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort()
                + deploymentUrl.getPath().replaceAll("/$", "");
        String token = read(
                post(
                                base + "/api/v1/accounts/login",
                                "{\"email\":\"admin@localhost\",\"password\":\"arquillian-admin-password\"}",
                                null)
                        .body(),
                "access_token");
        String storeId = read(
                post(base + "/api/v1/stores", "{\"name\":\"Dev channel\",\"mode\":\"test\"}", token)
                        .body(),
                "id");
        String publishable = read(
                post(base + "/api/v1/stores/" + storeId + "/api-keys", "{\"type\":\"publishable\"}", token)
                        .body(),
                "key");
        String auth = base + "/api/v1/stores/" + storeId + "/auth";
        HttpResponse<String> started = CLIENT.send(
                HttpRequest.newBuilder(URI.create(auth + "/login/email"))
                        .header("X-Storefront-Api-Key", publishable)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"dev@example.com\",\"register_if_not_exists\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).doesNotContain("\"otp\":");

        jakarta.json.JsonObject message = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> outbox = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/stores/" + storeId + "/outbox"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(outbox.statusCode()).as(outbox.body()).isEqualTo(200);
            jakarta.json.JsonArray items = jakarta.json.Json.createReader(new java.io.StringReader(outbox.body()))
                    .readObject()
                    .getJsonArray("items");
            if (!items.isEmpty() && "delivered".equals(items.getJsonObject(0).getString("status"))) {
                message = items.getJsonObject(0);
                break;
            }
            Thread.sleep(100);
        }
        assertThat(message).as("the dev channel delivered the message").isNotNull();
        assertThat(message.getString("transport")).isEqualTo("dev");
        assertThat(message.getString("to")).isEqualTo("dev@example.com");
        String code = message.getString("otp");
        assertThat(message.getString("body")).startsWith(code + " is your Dev channel sign-up code");

        HttpResponse<String> verified = CLIENT.send(
                HttpRequest.newBuilder(URI.create(auth + "/otp/verify"))
                        .header("X-Storefront-Api-Key", publishable)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"otp_token\":\"" + read(started.body(), "otp_token") + "\",\"otp\":\"" + code
                                        + "\",\"otp_action\":\"register\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String url, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(String json, String field) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json))
                .readObject()
                .getString(field);
    }
}
