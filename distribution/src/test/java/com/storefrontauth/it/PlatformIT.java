package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Health, metadata, OpenAPI, metrics and the error model of API.md, on the running uber-jar. */
class PlatformIT {

    private final Api api = Api.server();

    @Test
    void whenServerIsUpThenLiveAndReadyAnswer200() {
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        Reply ready = api.get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.body()).contains("database").contains("UP");
        System.out.println("[measure] uber-jar start to ready: "
                + RunningServer.get().startup().toMillis() + " ms");
    }

    @Test
    void whenDiscoveryIsReadThenIssuerAndJwksUriAreOurs() {
        JsonObject discovery = api.get("/.well-known/openid-configuration").json();
        String base = RunningServer.get().baseUrl();
        assertThat(discovery.getString("issuer")).isEqualTo(base);
        assertThat(discovery.getString("jwks_uri")).isEqualTo(base + "/.well-known/jwks.json");
        JsonObject jwks = api.get("/.well-known/jwks.json").json();
        assertThat(jwks.getJsonArray("keys")).isNotEmpty();
        JsonObject key = jwks.getJsonArray("keys").getJsonObject(0);
        assertThat(key.getString("kid")).startsWith("sig_");
        assertThat(key.containsKey("d")).as("no private part is published").isFalse();
        assertThat(key.containsKey("p")).isFalse();
    }

    @Test
    void whenOpenApiIsReadThenEveryBuiltRouteIsDocumented() {
        Reply openapi = api.get("/openapi");
        assertThat(openapi.status()).as(openapi.toString()).isEqualTo(200);
        assertThat(openapi.body())
                .contains(
                        "/api/v1/stores/{store_id}/auth/anonymous",
                        "/api/v1/stores/{store_id}/auth/token/refresh",
                        "/api/v1/stores/{store_id}/auth/logout",
                        "/api/v1/accounts/login",
                        "/api/v1/accounts/token/refresh",
                        "/api/v1/accounts/logout",
                        "/api/v1/stores/{store_id}/login-policy",
                        "/api/v1/stores/{store_id}/api-keys",
                        "/api/v1/stores/{store_id}/cors-origins",
                        "/api/v1/stores/{store_id}/events",
                        "/api/v1/admin/signing-keys",
                        "/.well-known/jwks.json",
                        "refresh_expires_in",
                        "error_code",
                        "/api/v1/stores/{store_id}/auth/register",
                        "/api/v1/stores/{store_id}/auth/login",
                        "/api/v1/stores/{store_id}/customers/me",
                        "/api/v1/stores/{store_id}/customers/me/password",
                        "/api/v1/stores/{store_id}/customers/me/sessions/{session_id}",
                        "/api/v1/stores/{store_id}/customers/{customer_id}/sessions",
                        "/api/v1/stores/{store_id}/sessions/{session_id}",
                        "X-RateLimit-Remaining",
                        "login_methods");
    }

    @Test
    void whenMetricsAreReadThenTheyAnswer() {
        Reply metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).isNotBlank();
    }

    @Test
    void whenBodyIsNotJsonThenInvalidJsonProblem() {
        Reply reply = api.post("/api/v1/accounts/login", "{\"email\": ");
        assertProblem(reply, 400, "invalid_json");
        assertThat(api.post("/api/v1/accounts/login", "[1,2]").errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void whenFieldsAreMissingThenEachIsNamed() {
        Reply reply = api.post("/api/v1/accounts/login", "{}");
        assertProblem(reply, 400, "invalid_request");
        assertThat(reply.json().getJsonObject("errors").keySet()).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void whenBodyIsOver64KibThenPayloadTooLarge() {
        String big = Api.json("email", "a".repeat(70 * 1024), "password", "x");
        assertProblem(api.post("/api/v1/accounts/login", big), 413, "payload_too_large");
    }

    @Test
    void whenContentTypeIsNotJsonThenUnsupportedMediaType() {
        Reply reply =
                api.send("POST", "/api/v1/accounts/login", "email=a&password=b", "application/x-www-form-urlencoded");
        assertProblem(reply, 415, "unsupported_media_type");
    }

    @Test
    void whenRouteIsUnknownThenNotFoundProblem() {
        assertProblem(api.get("/api/v1/no-such-route"), 404, "not_found");
    }

    @Test
    void whenPathIsOutsideTheApiThenNotFoundProblemToo() {
        assertProblem(api.get("/no-such-page"), 404, "not_found");
        assertProblem(api.get("/error-page"), 404, "not_found");
    }

    @Test
    void whenMethodIsWrongThenMethodNotAllowedProblem() {
        Reply reply = api.delete("/api/v1/accounts/login");
        assertProblem(reply, 405, "method_not_allowed");
    }

    @Test
    void whenTokensAreIssuedThenNothingIsCached() {
        Reply login = api.post(
                "/api/v1/accounts/login",
                Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(Fixtures.newStore().guest()).containsKey("access_token");
    }

    static void assertProblem(Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("error_code")).isEqualTo(errorCode);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("trace_id")).isNotBlank();
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
