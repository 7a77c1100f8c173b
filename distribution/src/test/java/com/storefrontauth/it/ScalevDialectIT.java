package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.PASSWORD;
import static com.storefrontauth.it.CustomerSignInIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Scalev v3 customer auth dialect over HTTP: Scalev's bodies and error shape on the same customers,
 * policies, sessions and revocations as the v1 routes (API.md, "Seed dialects").
 */
class ScalevDialectIT {

    static final String OTP_SENT = "If this email exists in our system, an OTP has been sent to it.";
    private static final Set<String> TOKEN_BODY =
            Set.of("access", "refresh", "token_type", "expires_in", "refresh_expires_in", "store_unique_id");
    private static final Set<String> ERROR_BODY = Set.of("error", "error_code", "message", "errors");
    private static final Pattern RESET_LINK = Pattern.compile("(\\S+)/reset-password\\?token=(prl_[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "a brand new secret 2";

    @Test
    void whenPasswordIsRightThenScalevTokenBodyWorksOnMeWithoutKey() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("scalev") + "@example.com";
        CustomerSignInIT.register(store, email);

        Reply login = login(store, email, PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        JsonObject tokens = login.json();
        assertThat(tokens.keySet()).isEqualTo(TOKEN_BODY);
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getString("store_unique_id")).isEqualTo(store.id());
        assertThat(tokens.getInt("expires_in")).isPositive();
        assertThat(login.header("X-Ratelimit-Limit")).isNotNull();
        assertThat(login.header("X-Ratelimit-Remaining")).isNotNull();
        assertThat(login.header("X-Ratelimit-Reset")).isNotNull();

        Api me = Api.server().bearer(tokens.getString("access"));
        Reply account = me.get(v3(store, "/customers/me"));
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        JsonObject body = account.json();
        assertThat(body.getJsonObject("customer").getString("email")).isEqualTo(email);
        assertThat(body.getJsonObject("store").getString("unique_id")).isEqualTo(store.id());
        assertThat(body.getJsonObject("store").getBoolean("is_customer_otp_required"))
                .isFalse();
        assertThat(body.getBoolean("is_generated_password_reset")).isFalse();

        Reply renamed = me.patch(v3(store, "/customers/me"), Api.json("first_name", "Grace", "last_name", "Hopper"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().getJsonObject("customer").getString("name")).isEqualTo("Grace Hopper");
        Reply emailChange = me.patch(v3(store, "/customers/me"), Api.json("email", "other@example.com"));
        assertScalevError(emailChange, 400, "invalid_request");
        assertThat(emailChange.json().getJsonObject("errors").containsKey("email"))
                .isTrue();
        assertThat(me.get(v3(store, "/customers/me"))
                        .json()
                        .getJsonObject("customer")
                        .getString("email"))
                .isEqualTo(email);

        // the management API sees the dialect's sign-in like any other
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=login_succeeded"))
                        .items())
                .isNotEmpty();
        assertScalevError(login(store, email, "wrong password 1"), 401, "invalid_credentials");
    }

    @Test
    void whenStoreWantsCodeAfterPasswordThenOnlyMessageAndTheMailedCodeSignsInOnce() {
        StoreFixture store = Fixtures.newStore();
        store.policy("otp_after_password", true);
        String email = unique("otp") + "@example.com";
        CustomerSignInIT.register(store, email);

        Reply login = login(store, email, PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json())
                .isEqualTo(Json.createObjectBuilder().add("message", OTP_SENT).build());
        String code = MailServer.get().latest(email, 1).code();

        String wrong = code.equals("000000") ? "111111" : "000000";
        Reply refused =
                scalev(store).post(v3(store, "/public/auth/otp/verify"), Api.json("email", email, "otp", wrong));
        assertScalevError(refused, 401, "invalid_otp");
        assertThat(refused.json().getJsonObject("errors").getInt("attempts_remaining"))
                .isPositive();

        Reply verified = scalev(store)
                .post(v3(store, "/public/auth/otp/verify"), Api.json("email", email.toUpperCase(), "otp", code));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().keySet()).isEqualTo(TOKEN_BODY);
        assertThat(Api.server()
                        .bearer(verified.json().getString("access"))
                        .get(v3(store, "/customers/me"))
                        .json()
                        .getJsonObject("store")
                        .getBoolean("is_customer_otp_required"))
                .isTrue();
        // single use: the same code again finds no open challenge
        assertScalevError(
                scalev(store).post(v3(store, "/public/auth/otp/verify"), Api.json("email", email, "otp", code)),
                401,
                "otp_expired");
    }

    @Test
    void whenCodeIsSentByOtpSendThenItSignsInAndUnknownEmailsGetTheSameAnswer() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("send") + "@example.com";
        CustomerSignInIT.register(store, email);
        Reply sent = scalev(store).post(v3(store, "/public/auth/otp/send"), Api.json("email", email));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String stranger = unique("nobody") + "@example.com";
        Reply decoy = scalev(store).post(v3(store, "/public/auth/otp/send"), Api.json("email", stranger));
        assertThat(decoy.status()).isEqualTo(200);
        assertThat(decoy.json())
                .isEqualTo(sent.json())
                .isEqualTo(Json.createObjectBuilder().add("message", OTP_SENT).build());

        String code = MailServer.get().latest(email, 1).code();
        Reply verified =
                scalev(store).post(v3(store, "/public/auth/otp/verify"), Api.json("email", email, "otp", code));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(MailServer.get().any(stranger)).isEmpty();
        assertScalevError(
                scalev(store).post(v3(store, "/public/auth/otp/verify"), Api.json("email", stranger, "otp", code)),
                401,
                "invalid_otp");
    }

    @Test
    void whenRefreshTokenIsReusedThenTheWholeFamilyIsRevoked() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("reuse") + "@example.com";
        CustomerSignInIT.register(store, email);
        JsonObject first = login(store, email, PASSWORD).json();

        Reply rotated = refresh(store, first.getString("refresh"));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        JsonObject second = rotated.json();
        assertThat(second.keySet()).isEqualTo(TOKEN_BODY);
        assertThat(second.getString("refresh")).isNotEqualTo(first.getString("refresh"));
        // the successor is used, so the first token is past any retry grace: presenting it is reuse
        JsonObject third = refresh(store, second.getString("refresh")).json();
        assertThat(Api.server()
                        .bearer(third.getString("access"))
                        .get(v3(store, "/customers/me"))
                        .status())
                .isEqualTo(200);

        assertScalevError(refresh(store, first.getString("refresh")), 401, "invalid_refresh_token");
        assertScalevError(refresh(store, third.getString("refresh")), 401, "invalid_refresh_token");
        assertScalevError(
                Api.server().bearer(third.getString("access")).get(v3(store, "/customers/me")), 401, "unauthorized");
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=refresh_token_reused"))
                        .items())
                .hasSize(1);
    }

    @Test
    void whenRefreshTokenIsBlacklistedThenItsSessionEndsForRefreshAndAccess() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("blacklist") + "@example.com";
        CustomerSignInIT.register(store, email);
        JsonObject tokens = login(store, email, PASSWORD).json();
        JsonObject other = login(store, email, PASSWORD).json();
        Api me = Api.server().bearer(tokens.getString("access"));
        assertThat(me.get(v3(store, "/customers/me")).status()).isEqualTo(200);

        Reply blacklisted = scalev(store)
                .post(v3(store, "/public/auth/jwt/blacklist"), Api.json("refresh", tokens.getString("refresh")));
        assertThat(blacklisted.status()).as(blacklisted.toString()).isEqualTo(204);
        assertScalevError(me.get(v3(store, "/customers/me")), 401, "unauthorized");
        assertScalevError(refresh(store, tokens.getString("refresh")), 401, "invalid_refresh_token");
        // the v1 routes refuse the ended session too; another session of the customer goes on
        assertThat(store.storefront()
                        .bearer(tokens.getString("access"))
                        .get(store.path("/customers/me"))
                        .status())
                .isEqualTo(401);
        assertThat(Api.server()
                        .bearer(other.getString("access"))
                        .get(v3(store, "/customers/me"))
                        .status())
                .isEqualTo(200);
        assertScalevError(
                scalev(store).post(v3(store, "/public/auth/jwt/blacklist"), Api.json("refresh", "rt_unknown")),
                401,
                "invalid_refresh_token");
    }

    @Test
    void whenResetLinkIsMailedThenItGoesToTheAllowedOriginAndWorksOnce() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://*.wild.example");
        store.allowOrigin("https://first.example");
        store.allowOrigin("https://second.example");
        String email = unique("reset") + "@example.com";
        JsonObject before = CustomerSignInIT.register(store, email).json();

        Reply forgot = scalev(store)
                .with("Origin", "https://second.example")
                .post(v3(store, "/public/auth/forget-password"), Api.json("email", email));
        assertThat(forgot.status()).as(forgot.toString()).isEqualTo(200);
        assertThat(forgot.header("Access-Control-Allow-Origin")).isEqualTo("https://second.example");
        Matcher link = resetLink(MailServer.get().latest(email, 1));
        assertThat(link.group(1)).isEqualTo("https://second.example");
        String token = link.group(2);

        Reply weak = savePassword(store, token, "password");
        assertScalevError(weak, 422, "weak_password");
        Reply saved = savePassword(store, token, NEW_PASSWORD);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().keySet()).containsExactly("message");
        Reply again = savePassword(store, token, "yet another secret 3");
        assertScalevError(again, 400, "invalid_request");
        assertThat(again.json().getJsonObject("errors").containsKey("token")).isTrue();

        assertThat(store.storefront()
                        .bearer(before.getString("access_token"))
                        .get(store.path("/customers/me"))
                        .status())
                .isEqualTo(401);
        assertScalevError(login(store, email, PASSWORD), 401, "invalid_credentials");
        assertThat(login(store, email, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=password_reset"))
                        .items())
                .hasSize(1);

        // a link is a message like a code: the address's cooldown holds it back
        assertScalevError(
                scalev(store).post(v3(store, "/public/auth/forget-password"), Api.json("email", email)),
                429,
                "rate_limited");
        // no Origin: the store's first allowed origin that a link can point at
        String other = unique("first") + "@example.com";
        CustomerSignInIT.register(store, other);
        scalev(store).post(v3(store, "/public/auth/forget-password"), Api.json("email", other));
        assertThat(resetLink(MailServer.get().latest(other, 1)).group(1)).isEqualTo("https://first.example");
    }

    @Test
    void whenResetIsAskedForFromForeignOriginUnknownEmailOrAStoreWithoutOriginsThenNoLink() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example");
        String email = unique("foreign") + "@example.com";
        CustomerSignInIT.register(store, email);
        assertScalevError(
                scalev(store)
                        .with("Origin", "https://evil.example")
                        .post(v3(store, "/public/auth/forget-password"), Api.json("email", email)),
                403,
                "origin_not_allowed");
        String stranger = unique("stranger") + "@example.com";
        Reply unknown = scalev(store).post(v3(store, "/public/auth/forget-password"), Api.json("email", stranger));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(200);

        StoreFixture bare = Fixtures.newStore();
        String bareEmail = unique("bare") + "@example.com";
        CustomerSignInIT.register(bare, bareEmail);
        Reply noOrigin = scalev(bare).post(v3(bare, "/public/auth/forget-password"), Api.json("email", bareEmail));
        assertScalevError(noOrigin, 400, "invalid_request");
        assertThat(noOrigin.json().getString("message")).contains("allowed origin");

        assertScalevError(savePassword(store, "prl_" + "A".repeat(43), NEW_PASSWORD), 400, "invalid_request");
        // a link mailed now arrives after anything the refused requests could have queued
        scalev(store).post(v3(store, "/public/auth/forget-password"), Api.json("email", email));
        assertThat(resetLink(MailServer.get().latest(email, 1)).group(1)).isEqualTo("https://shop.example");
        assertThat(MailServer.get().to(email)).hasSize(1);
        assertThat(MailServer.get().to(stranger)).isEmpty();
        assertThat(MailServer.get().to(bareEmail)).isEmpty();
    }

    @Test
    void whenTokensOrKeysOfStoreAAreUsedOnStoreBThenRefused() {
        StoreFixture storeA = Fixtures.newStore();
        StoreFixture storeB = Fixtures.newStore();
        String email = unique("tenant") + "@example.com";
        CustomerSignInIT.register(storeA, email);
        CustomerSignInIT.register(storeB, email);
        JsonObject tokensA = login(storeA, email, PASSWORD).json();

        assertScalevError(
                Api.server().bearer(tokensA.getString("access")).get(v3(storeB, "/customers/me")), 401, "unauthorized");
        assertScalevError(refresh(storeB, tokensA.getString("refresh")), 401, "invalid_refresh_token");
        assertScalevError(
                scalev(storeB)
                        .post(
                                v3(storeB, "/public/auth/jwt/blacklist"),
                                Api.json("refresh", tokensA.getString("refresh"))),
                401,
                "invalid_refresh_token");
        Reply wrongKey = Api.server()
                .with("X-Scalev-Storefront-Api-Key", storeA.publishableKey())
                .post(v3(storeB, "/public/auth/login"), Api.json("email", email, "password", PASSWORD));
        assertScalevError(wrongKey, 401, "invalid_api_key");
        // an unknown store answers exactly as a wrong key
        Reply unknownStore = scalev(storeA)
                .post(
                        "/api/v3/stores/st_" + "0".repeat(24) + "/public/auth/login",
                        Api.json("email", email, "password", PASSWORD));
        assertThat(unknownStore.status()).isEqualTo(wrongKey.status());
        assertThat(unknownStore.json()).isEqualTo(wrongKey.json());
        Reply noKey =
                Api.server().post(v3(storeA, "/public/auth/login"), Api.json("email", email, "password", PASSWORD));
        assertThat(noKey.json()).isEqualTo(wrongKey.json());
        // store A's tokens still work at home
        assertThat(refresh(storeA, tokensA.getString("refresh")).status()).isEqualTo(200);
    }

    @Test
    void whenPasswordIsChangedThroughSetNewPasswordThenOtherSessionsEnd() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("change") + "@example.com";
        CustomerSignInIT.register(store, email);
        JsonObject first = login(store, email, PASSWORD).json();
        JsonObject current = login(store, email, PASSWORD).json();
        Api me = Api.server().bearer(current.getString("access"));
        assertScalevError(
                me.post(
                        v3(store, "/customers/me/set-new-password"),
                        Api.json("current_password", "wrong password 1", "new_password", NEW_PASSWORD)),
                401,
                "invalid_credentials");
        Reply changed = me.post(
                v3(store, "/customers/me/set-new-password"),
                Api.json("current_password", PASSWORD, "new_password", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertScalevError(
                Api.server().bearer(first.getString("access")).get(v3(store, "/customers/me")), 401, "unauthorized");
        assertThat(me.get(v3(store, "/customers/me")).status()).isEqualTo(200);
        assertThat(login(store, email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void whenRequestIsRefusedAnywhereThenTheBodyIsScalevsErrorShape() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example");
        Api api = scalev(store);
        assertScalevError(
                Api.server().post(v3(store, "/public/auth/login"), Api.json("email", "a@example.com")),
                401,
                "invalid_api_key");
        assertScalevError(api.post(v3(store, "/public/auth/login"), "{\"email\":"), 400, "invalid_json");
        assertScalevError(
                api.post(v3(store, "/public/auth/login"), "[".repeat(5000) + "]".repeat(5000)), 400, "invalid_json");
        Reply missing = api.post(v3(store, "/public/auth/login"), "{}");
        assertScalevError(missing, 400, "invalid_request");
        assertThat(missing.json().getJsonObject("errors").keySet()).contains("email", "password");
        assertScalevError(
                api.send("POST", v3(store, "/public/auth/login"), "email=a", "text/plain"),
                415,
                "unsupported_media_type");
        assertScalevError(
                api.post(v3(store, "/public/auth/login"), "{\"email\":\"" + "x".repeat(70_000) + "\"}"),
                413,
                "payload_too_large");
        assertScalevError(api.get(v3(store, "/public/auth/login")), 405, "method_not_allowed");
        assertScalevError(api.post(v3(store, "/public/auth/nothing-here"), "{}"), 404, "not_found");
        assertScalevError(
                api.with("Origin", "https://evil.example").post(v3(store, "/public/auth/login"), "{}"),
                403,
                "origin_not_allowed");
        assertScalevError(Api.server().get(v3(store, "/customers/me")), 401, "unauthorized");
        assertScalevError(
                Api.server().bearer("not.a.token").get("/api/v3/stores/st_unknown/customers/me"), 401, "unauthorized");

        StoreFixture throttled = Fixtures.newStore();
        throttled.policy("ip_rate_limit_per_minute", 1);
        scalev(throttled).post(v3(throttled, "/public/auth/otp/send"), "{}");
        Reply limited = scalev(throttled).post(v3(throttled, "/public/auth/otp/send"), "{}");
        assertScalevError(limited, 429, "rate_limited");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.header("X-Ratelimit-Remaining")).isEqualTo("0");
        // v1 keeps problem+json
        assertThat(store.storefront().post(store.path("/auth/login"), "{").header("Content-Type"))
                .startsWith("application/problem+json");
    }

    @Test
    void whenPreflightAsksForTheScalevKeyHeaderThenItIsAllowed() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example");
        for (String path : List.of("/public/auth/login", "/customers/me")) {
            Reply preflight = Api.server()
                    .with("Origin", "https://shop.example")
                    .with("Access-Control-Request-Method", "POST")
                    .with("Access-Control-Request-Headers", "x-scalev-storefront-api-key, content-type")
                    .options(v3(store, path));
            assertThat(preflight.status()).isBetween(200, 204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
            assertThat(preflight.header("Access-Control-Allow-Headers")).contains("X-Scalev-Storefront-Api-Key");
        }
    }

    static String v3(StoreFixture store, String suffix) {
        return "/api/v3/stores/" + store.id() + suffix;
    }

    static Api scalev(StoreFixture store) {
        return Api.server().with("X-Scalev-Storefront-Api-Key", store.publishableKey());
    }

    static Reply login(StoreFixture store, String email, String password) {
        return scalev(store).post(v3(store, "/public/auth/login"), Api.json("email", email, "password", password));
    }

    static Reply refresh(StoreFixture store, String refreshToken) {
        return scalev(store).post(v3(store, "/public/auth/jwt/refresh"), Api.json("refresh", refreshToken));
    }

    private static Reply savePassword(StoreFixture store, String token, String password) {
        return scalev(store)
                .post(v3(store, "/public/auth/save-password"), Api.json("token", token, "password", password));
    }

    private static Matcher resetLink(MailServer.Mail mail) {
        Matcher link = RESET_LINK.matcher(mail.body());
        assertThat(link.find()).as(mail.body()).isTrue();
        return link;
    }

    /** Exactly Scalev's error body, as JSON, with the status and code of the v1 routes. */
    static void assertScalevError(Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonObject body = reply.json();
        assertThat(body.keySet()).isEqualTo(ERROR_BODY);
        assertThat(body.getString("error_code")).isEqualTo(errorCode);
        assertThat(body.getString("error")).isNotBlank();
        assertThat(body.getString("message")).isNotBlank();
        assertThat(body.get("errors")).isInstanceOf(JsonObject.class);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
