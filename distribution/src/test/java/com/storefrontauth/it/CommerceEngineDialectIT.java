package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Commerce Engine's storefront auth over HTTP, as its SDK sends it: the envelope on every answer and every
 * refusal (whoever refuses), its credentials (key on {@code anonymous}, the store's tokens elsewhere), tenant
 * isolation, the debug echo, and the same sessions and audit trail as the v1 routes.
 */
class CommerceEngineDialectIT {

    private static final String PASSWORD = "purple mountain ferry 7";

    static String path(StoreFixture store, String suffix) {
        return "/api/v1/" + store.id() + "/storefront/auth/" + suffix;
    }

    static Api key(StoreFixture store) {
        return Api.server().with("X-Api-Key", store.publishableKey());
    }

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static JsonObject content(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonObject body = reply.json();
        assertThat(body.getBoolean("success")).isTrue();
        assertThat(body.getString("message")).isNotBlank();
        return body.getJsonObject("content");
    }

    static void assertRefused(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/json");
        JsonObject body = reply.json();
        assertThat(body.getBoolean("success")).isFalse();
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(body.getString("message")).isNotBlank();
        assertThat(body.keySet()).isSubsetOf("message", "success", "code", "errors");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    static JsonObject anonymous(StoreFixture store) {
        return content(key(store).post(path(store, "anonymous")));
    }

    /** A customer signed up by an email code through the dialect: its verify-otp content. */
    static JsonObject customer(StoreFixture store, String email) {
        String guest = anonymous(store).getString("access_token");
        JsonObject challenge = content(Api.server()
                .bearer(guest)
                .with("x-debug-mode", "true")
                .post(path(store, "register/email"), Api.json("email", email, "first_name", "Ada")));
        return content(Api.server()
                .bearer(guest)
                .post(
                        path(store, "verify-otp"),
                        Api.json(
                                "otp_token",
                                challenge.getString("otp_token"),
                                "otp",
                                challenge.getString("otp"),
                                "otp_action",
                                "register")));
    }

    static JsonObject claims(String jwt) {
        return parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void whenGuestSignsUpByCodeThenCommerceEngineShapesAndTheSameSessionsAndAuditAsV1() {
        StoreFixture store = Fixtures.newStore();
        JsonObject guest = anonymous(store);
        JsonObject anonymousUser = guest.getJsonObject("user");
        assertThat(anonymousUser.getBoolean("is_anonymous")).isTrue();
        assertThat(anonymousUser.getBoolean("is_logged_in")).isFalse();
        assertThat(anonymousUser.get("email")).isEqualTo(JsonValue.NULL);
        String guestToken = guest.getString("access_token");

        String email = unique("ada");
        JsonObject challenge = content(Api.server()
                .bearer(guestToken)
                .with("x-debug-mode", "true")
                .post(path(store, "login/email"), Api.json("email", email, "register_if_not_exists", true)));
        assertThat(challenge.getString("otp_action")).isEqualTo("register");
        assertThat(challenge.getString("otp_token")).startsWith("otp_");
        JsonObject signedIn = content(Api.server()
                .bearer(guestToken)
                .post(
                        path(store, "verify-otp"),
                        Api.json(
                                "otp_token",
                                challenge.getString("otp_token"),
                                "otp",
                                challenge.getString("otp"),
                                "otp_action",
                                "register")));

        JsonObject user = signedIn.getJsonObject("user");
        assertThat(user.getString("email")).isEqualTo(email);
        assertThat(user.getBoolean("is_email_verified")).isTrue();
        assertThat(user.getBoolean("is_phone_verified")).isFalse();
        assertThat(user.getBoolean("is_anonymous")).isFalse();
        assertThat(user.getBoolean("is_logged_in")).isTrue();
        assertThat(user.getJsonArray("login_methods").getValuesAs(JsonString::getString))
                .containsExactly("email");
        assertThat(user.get("country_code")).isEqualTo(JsonValue.NULL);
        assertThat(user.getString("customer_id")).isEqualTo(user.getString("id"));
        assertThat(user.getJsonObject("notification_preferences")
                        .getJsonObject("transactional")
                        .getBoolean("email"))
                .isTrue();
        JsonObject claims = claims(signedIn.getString("access_token"));
        assertThat(claims.getString("sub")).isEqualTo(user.getString("id"));
        assertThat(claims.getString("anonymous_id")).as("the guest is linked").isEqualTo(anonymousUser.getString("id"));

        JsonObject sessions = Fixtures.admin()
                .get(store.path("/sessions?customer_id=" + user.getString("id")))
                .json();
        assertThat(sessions.getJsonArray("items")).hasSize(1);
        List<String> events = Fixtures.admin().get(store.path("/events?size=100")).items().stream()
                .map(event -> event.asJsonObject().getString("type"))
                .toList();
        assertThat(events).contains("guest_session_started", "otp_sent", "otp_verified", "customer_registered");

        Reply fetched = Api.server()
                .bearer(signedIn.getString("access_token"))
                .get(path(store, "user/" + user.getString("id")));
        assertThat(content(fetched).getJsonObject("user").getString("email")).isEqualTo(email);
    }

    @Test
    void whenAnyoneRefusesThenTheEnvelopeWithTheV1StatusAndCode() {
        StoreFixture store = Fixtures.newStore();
        assertRefused(key(store).post("/api/v1/st_unknown0000/storefront/auth/anonymous"), 404, "not_found");
        assertRefused(Api.server().post(path(store, "anonymous")), 401, "missing_api_key");
        assertRefused(
                Api.server().with("X-Api-Key", "pk_wrong").post(path(store, "anonymous")), 401, "invalid_api_key");
        assertRefused(
                Api.server().post(path(store, "login/email"), Api.json("email", "a@example.com")), 401, "unauthorized");
        assertRefused(key(store).post(path(store, "login/email"), "{\"email\":"), 400, "invalid_json");
        assertRefused(
                key(store).post(path(store, "login/email"), "[".repeat(5000) + "]".repeat(5000)), 400, "invalid_json");
        assertRefused(
                key(store).send("POST", path(store, "login/email"), "email=a", "text/plain"),
                415,
                "unsupported_media_type");
        assertRefused(
                key(store).post(path(store, "login/email"), Api.json("email", "x".repeat(70 * 1024))),
                413,
                "payload_too_large");
        assertRefused(key(store).get(path(store, "login/email")), 405, "method_not_allowed");
        assertRefused(key(store).post(path(store, "no-such-route")), 404, "not_found");
        Reply shortPhone = key(store).post(path(store, "login/phone"), Api.json("phone", "12"));
        assertRefused(shortPhone, 400, "invalid_request");
        assertThat(shortPhone.json().getJsonObject("errors").getJsonArray("phone"))
                .isNotEmpty();
        assertRefused(
                key(store)
                        .post(
                                path(store, "register/password"),
                                Api.json(
                                        "email",
                                        unique("pw"),
                                        "password",
                                        PASSWORD,
                                        "confirm_password",
                                        PASSWORD + "!")),
                400,
                "invalid_request");

        assertRefused(
                key(store).with("Origin", "https://evil.example").post(path(store, "anonymous")),
                403,
                "origin_not_allowed");
        String guest = anonymous(store).getString("access_token");
        assertThat(Fixtures.admin()
                        .patch(store.path(""), Api.json("status", "suspended"))
                        .status())
                .isEqualTo(200);
        assertRefused(
                Api.server().bearer(guest).post(path(store, "login/email"), Api.json("email", "a@example.com")),
                403,
                "forbidden");

        StoreFixture throttled = Fixtures.newStore();
        throttled.policy("ip_rate_limit_per_minute", 1);
        content(key(throttled).post(path(throttled, "anonymous")));
        Reply limited = key(throttled).post(path(throttled, "anonymous"));
        assertRefused(limited, 429, "rate_limited");
        assertThat(limited.header("Retry-After")).isNotBlank();

        Reply v1 = store.storefront().post(store.path("/auth/login/email"), "{\"email\":");
        assertThat(v1.header("Content-Type")).as("v1 keeps problem+json").startsWith("application/problem+json");
    }

    @Test
    void whenTokensOrKeysOfStoreAAreSentToStoreBThenRefused() {
        StoreFixture storeA = Fixtures.newStore();
        StoreFixture storeB = Fixtures.newStore();
        String guestOfA = anonymous(storeA).getString("access_token");
        JsonObject customerOfA = customer(storeA, unique("a"));
        JsonObject customerOfB = customer(storeB, unique("b"));
        String customerToken = customerOfA.getString("access_token");

        assertRefused(
                Api.server().bearer(guestOfA).post(path(storeB, "login/email"), Api.json("email", "x@example.com")),
                401,
                "unauthorized");
        assertRefused(
                Api.server()
                        .bearer(customerToken)
                        .get(path(
                                storeB,
                                "user/" + customerOfA.getJsonObject("user").getString("id"))),
                401,
                "unauthorized");
        assertRefused(
                Api.server()
                        .post(
                                path(storeB, "refresh-token"),
                                Api.json("refresh_token", customerOfA.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertRefused(
                Api.server().with("X-Api-Key", storeA.publishableKey()).post(path(storeB, "anonymous")),
                401,
                "invalid_api_key");
        assertRefused(
                Api.server()
                        .bearer(customerToken)
                        .get(path(
                                storeA,
                                "user/" + customerOfB.getJsonObject("user").getString("id"))),
                404,
                "not_found");
        // and the refused refresh token still works at home
        content(Api.server()
                .post(
                        path(storeA, "refresh-token"),
                        Api.json("refresh_token", customerOfA.getString("refresh_token"))));
    }

    @Test
    void whenDebugModeIsAskedThenOnlyATestModeStoreEchoesTheCode() {
        StoreFixture test = Fixtures.newStore("test");
        StoreFixture live = Fixtures.newStore("live");
        JsonObject echoed = content(key(test)
                .with("x-debug-mode", "true")
                .post(path(test, "login/email"), Api.json("email", unique("echo"), "register_if_not_exists", true)));
        assertThat(echoed.getString("otp")).matches("[0-9]{6}");
        JsonObject silentLive = content(key(live)
                .with("x-debug-mode", "true")
                .post(path(live, "login/email"), Api.json("email", unique("live"), "register_if_not_exists", true)));
        assertThat(silentLive.containsKey("otp")).isFalse();
        JsonObject silentTest = content(key(test)
                .post(path(test, "login/email"), Api.json("email", unique("quiet"), "register_if_not_exists", true)));
        assertThat(silentTest.containsKey("otp")).isFalse();
    }

    @Test
    void whenRefreshTokenIsReadLikeAJwtThenItsExpIsTheSessionsAndOnlyTheOpaqueTokenCounts() {
        StoreFixture store = Fixtures.newStore();
        JsonObject signedIn = customer(store, unique("refresh"));
        String carried = signedIn.getString("refresh_token");
        String[] parts = carried.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(parts[2]).startsWith("rt_");
        long exp = claims(carried).getJsonNumber("exp").longValue();
        long now = Instant.now().getEpochSecond();
        assertThat(exp).as("the store's 30-day refresh lifetime").isBetween(now + 2_591_000, now + 2_592_100);

        // the claims are the client's to read, not to change anything: a forged exp changes nothing
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":1}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        JsonObject next = content(Api.server().post(path(store, "refresh-token"), Api.json("refresh_token", forged)));
        assertThat(next.getString("refresh_token")).isNotEqualTo(carried);
        JsonObject rotated = content(Api.server()
                .post(path(store, "refresh-token"), Api.json("refresh_token", next.getString("refresh_token"))));
        // its successor used, the first token presented again is reuse
        assertRefused(
                Api.server().post(path(store, "refresh-token"), Api.json("refresh_token", carried)),
                401,
                "invalid_refresh_token");
        // reuse revoked the session: the newest tokens are dead too
        assertRefused(
                Api.server()
                        .post(
                                path(store, "refresh-token"),
                                Api.json("refresh_token", rotated.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertRefused(
                Api.server()
                        .bearer(rotated.getString("access_token"))
                        .get(path(
                                store, "user/" + signedIn.getJsonObject("user").getString("id"))),
                401,
                "unauthorized");
    }

    @Test
    void whenCodeSignUpCarriesNamesThenTheyReachTheCustomerAndABrokenTokenIsRefused() {
        StoreFixture store = Fixtures.newStore();
        String guest = anonymous(store).getString("access_token");
        String phone = "7400" + (100_000 + (int) (Math.random() * 899_999));
        JsonObject challenge = content(Api.server()
                .bearer(guest)
                .with("x-debug-mode", "true")
                .post(
                        path(store, "register/phone"),
                        Api.json("phone", phone, "country_code", "+44", "first_name", "Ada", "last_name", "Lovelace")));
        String token = challenge.getString("otp_token");
        assertRefused(
                Api.server()
                        .bearer(guest)
                        .post(
                                path(store, "verify-otp"),
                                Api.json(
                                        "otp_token",
                                        token + "%%",
                                        "otp",
                                        challenge.getString("otp"),
                                        "otp_action",
                                        "register")),
                400,
                "invalid_request");
        JsonObject user = content(Api.server()
                        .bearer(guest)
                        .post(
                                path(store, "verify-otp"),
                                Api.json(
                                        "otp_token",
                                        token,
                                        "otp",
                                        challenge.getString("otp"),
                                        "otp_action",
                                        "register")))
                .getJsonObject("user");
        assertThat(user.getString("first_name")).isEqualTo("Ada");
        assertThat(user.getString("last_name")).isEqualTo("Lovelace");
        assertThat(user.getString("country_code")).isEqualTo("+44");
        assertThat(user.getString("phone")).isEqualTo(phone);
        assertThat(user.getBoolean("is_phone_verified")).isTrue();
    }

    @Test
    void whenCustomerUpdatesOrErasesThenNamesChangeContactsNeedACodeAndErasureNeedsProof() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("profile");
        JsonObject signedIn = content(key(store)
                .post(
                        path(store, "register/password"),
                        Api.json("email", email, "password", PASSWORD, "confirm_password", PASSWORD)));
        String id = signedIn.getJsonObject("user").getString("id");
        Api customer = Api.server().bearer(signedIn.getString("access_token"));

        JsonObject renamed = content(customer.put(
                        path(store, "user/" + id), Api.json("first_name", "Grace", "email", email.toUpperCase())))
                .getJsonObject("user");
        assertThat(renamed.getString("first_name")).isEqualTo("Grace");
        Reply contact = customer.put(path(store, "user/" + id), Api.json("email", unique("other")));
        assertRefused(contact, 400, "invalid_request");
        assertThat(contact.json().getJsonObject("errors").containsKey("email")).isTrue();

        assertRefused(customer.delete(path(store, "user/" + id)), 400, "invalid_request");
        assertRefused(
                customer.send(
                        "DELETE",
                        path(store, "user/" + id),
                        Api.json("password", "wrong " + PASSWORD),
                        "application/json"),
                401,
                "invalid_credentials");
        Reply erased =
                customer.send("DELETE", path(store, "user/" + id), Api.json("password", PASSWORD), "application/json");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().getBoolean("success")).isTrue();
        assertRefused(
                key(store).post(path(store, "login/password"), Api.json("email", email, "password", PASSWORD)),
                401,
                "invalid_credentials");
        assertRefused(customer.get(path(store, "user/" + id)), 401, "unauthorized");
    }

    @Test
    void whenActionsAreMisusedOrRoutesMapToNothingThenTheDocumentedRefusals() {
        StoreFixture store = Fixtures.newStore();
        String guest = anonymous(store).getString("access_token");
        Api asGuest = Api.server().bearer(guest);
        JsonObject reset = content(key(store)
                .with("x-debug-mode", "true")
                .post(path(store, "forgot-password"), Api.json("email", unique("nobody"))));
        Reply resetByVerify = asGuest.post(
                path(store, "verify-otp"),
                Api.json("otp_token", reset.getString("otp_token"), "otp", "123456", "otp_action", "reset-password"));
        assertRefused(resetByVerify, 400, "invalid_request");
        assertThat(resetByVerify.json().getJsonObject("errors").containsKey("otp_action"))
                .isTrue();
        assertRefused(
                asGuest.post(
                        path(store, "generate-otp"),
                        Api.json("channel", "email", "email", unique("login"), "otp_action", "login")),
                400,
                "invalid_request");
        Reply mismatch = asGuest.post(
                path(store, "generate-otp"),
                Api.json("channel", "sms", "phone", "9876543210", "otp_action", "verify-email"));
        assertRefused(mismatch, 400, "invalid_request");
        assertThat(mismatch.json().getJsonObject("errors").containsKey("channel"))
                .isTrue();
        assertRefused(
                asGuest.post(
                        path(store, "generate-otp"),
                        Api.json("channel", "email", "email", unique("mine"), "otp_action", "verify-email")),
                401,
                "unauthorized");
        assertRefused(
                asGuest.post(
                        path(store, "change-password"),
                        Api.json(
                                "old_password",
                                PASSWORD,
                                "new_password",
                                PASSWORD + "!",
                                "confirm_password",
                                PASSWORD + "!")),
                401,
                "unauthorized");
        assertRefused(key(store).post(path(store, "logout")), 401, "unauthorized");

        for (Reply notOffered : List.of(
                asGuest.put(path(store, "user/anyone/deactivate"), "{}"),
                asGuest.get(path(store, "user/anyone/profile-image")),
                asGuest.post(path(store, "verified-email-phone"), Api.json("email", "a@example.com")))) {
            assertRefused(notOffered, 404, "not_found");
        }
    }

    @Test
    void whenBrowserPreflightsFromAnAllowedOriginThenCommerceEngineHeadersAreAllowed() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example");
        Reply preflight = Api.server()
                .with("Origin", "https://shop.example")
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "x-api-key, x-debug-mode, authorization, content-type")
                .options(path(store, "anonymous"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .contains("X-Api-Key")
                .contains("X-Debug-Mode");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT");
        Reply call = key(store).with("Origin", "https://shop.example").post(path(store, "anonymous"));
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
