package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The X-Storefront-Api-Key, CORS and suspension rules of API.md, proven on the guest-token route. */
class StorefrontGateIT {

    @Test
    void whenKeyIsValidThenGuestTokenWithAnonymousGroup() {
        StoreFixture store = Fixtures.newStore();
        Reply reply = store.storefront().post(store.path("/auth/anonymous"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject body = reply.json();
        assertThat(body.getString("status")).isEqualTo("authenticated");
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.getInt("expires_in")).isEqualTo(900);
        assertThat(body.getInt("refresh_expires_in")).isEqualTo(2592000);
        assertThat(body.getString("session_id")).startsWith("ses_");
        assertThat(body.isNull("user")).isTrue();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        JsonObject claims = claims(body.getString("access_token"));
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("anonymous");
        assertThat(claims.getString("store_id")).isEqualTo(store.id());
        assertThat(claims.getString("aud")).isEqualTo(store.id());
        assertThat(claims.getString("sid")).isEqualTo(body.getString("session_id"));
        assertThat(claims.getString("sub")).startsWith("anon_");
        assertThat(claims.keySet()).contains("iss", "iat", "exp", "jti", "upn");
    }

    @Test
    void whenKeyIsMissingThenMissingApiKey() {
        StoreFixture store = Fixtures.newStore();
        assertProblem(Api.server().post(store.path("/auth/anonymous")), 401, "missing_api_key");
    }

    @Test
    void whenKeyIsUnknownOrOfAnotherStoreThenInvalidApiKey() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        assertProblem(
                Api.server().with("X-Storefront-Api-Key", "pk_test_nope").post(store.path("/auth/anonymous")),
                401,
                "invalid_api_key");
        assertProblem(other.storefront().post(store.path("/auth/anonymous")), 401, "invalid_api_key");
    }

    @Test
    void whenSecretKeyIsSentAsPublishableThenInvalidApiKey() {
        StoreFixture store = Fixtures.newStore();
        String secret = Fixtures.admin()
                .post(store.path("/api-keys"), Api.json("type", "secret"))
                .string("key");
        assertProblem(
                Api.server().with("X-Storefront-Api-Key", secret).post(store.path("/auth/anonymous")),
                401,
                "invalid_api_key");
    }

    @Test
    void whenKeyIsRevokedThenRefusedAtOnce() {
        StoreFixture store = Fixtures.newStore();
        assertThat(store.storefront().post(store.path("/auth/anonymous")).status())
                .isEqualTo(200);
        assertThat(Fixtures.admin()
                        .delete(store.path("/api-keys/" + store.keyId()))
                        .status())
                .isEqualTo(204);
        assertProblem(store.storefront().post(store.path("/auth/anonymous")), 401, "invalid_api_key");
    }

    @Test
    void whenStoreIsUnknownThenNotFound() {
        StoreFixture store = Fixtures.newStore();
        assertProblem(
                store.storefront().post("/api/v1/stores/st_doesnotexist000000000000/auth/anonymous"), 404, "not_found");
        assertProblem(store.storefront().post("/api/v1/stores/%27%20OR%201=1/auth/anonymous"), 404, "not_found");
    }

    @Test
    void whenStoreIsSuspendedThenForbiddenUntilResumed() {
        StoreFixture store = Fixtures.newStore();
        assertThat(Fixtures.admin()
                        .patch(store.path(""), Api.json("status", "suspended"))
                        .status())
                .isEqualTo(200);
        assertProblem(store.storefront().post(store.path("/auth/anonymous")), 403, "forbidden");
        assertThat(Fixtures.admin()
                        .patch(store.path(""), Api.json("status", "active"))
                        .status())
                .isEqualTo(200);
        assertThat(store.storefront().post(store.path("/auth/anonymous")).status())
                .isEqualTo(200);
    }

    @Test
    void whenPreflightFromAllowedOriginThenEchoedWithMethodsAndHeaders() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example.com");
        Reply preflight = Api.server()
                .with("Origin", "https://shop.example.com")
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "x-storefront-api-key, content-type")
                .options(store.path("/auth/anonymous"));
        assertThat(preflight.status()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(preflight.header("Vary")).contains("Origin");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .contains("X-Storefront-Api-Key", "Authorization", "Content-Type", "X-Debug-Mode");
    }

    @Test
    void whenPreflightFromForeignOriginThenNoCorsHeaders() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example.com");
        Reply preflight = Api.server()
                .with("Origin", "https://evil.example")
                .with("Access-Control-Request-Method", "POST")
                .options(store.path("/auth/anonymous"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void whenRealRequestFromForeignOriginThenOriginNotAllowed() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://*.brand.example");
        assertProblem(
                store.storefront()
                        .with("Origin", "https://brand.example.evil.example")
                        .post(store.path("/auth/anonymous")),
                403,
                "origin_not_allowed");
        Reply allowed =
                store.storefront().with("Origin", "https://shop.brand.example").post(store.path("/auth/anonymous"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.brand.example");
        assertThat(allowed.header("Vary")).contains("Origin");
    }

    @Test
    void whenOriginIsAllowedThenErrorsCarryCorsHeadersToo() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example.com");
        Reply reply = Api.server().with("Origin", "https://shop.example.com").post(store.path("/auth/anonymous"));
        assertProblem(reply, 401, "missing_api_key");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
    }

    static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return jakarta.json.Json.createReader(new java.io.StringReader(
                        new String(Base64.getUrlDecoder().decode(payload))))
                .readObject();
    }
}
