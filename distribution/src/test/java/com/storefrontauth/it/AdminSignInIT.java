package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The platform admin's sign-in, refresh and logout on /api/v1/accounts. */
class AdminSignInIT {

    private final Api api = Api.server();

    @Test
    void whenPasswordIsRightThenMerchantTokenResponseWithAccountAndStores() {
        Fixtures.newStore();
        JsonObject login = Fixtures.adminLogin();
        assertThat(login.getString("status")).isEqualTo("authenticated");
        assertThat(login.getString("refresh_token")).startsWith("rt_");
        JsonObject account = login.getJsonObject("account");
        assertThat(account.getString("id")).startsWith("acc_");
        assertThat(account.getString("email")).isEqualTo(RunningServer.ADMIN_EMAIL);
        assertThat(account.getString("role")).isEqualTo("platform_admin");
        assertThat(login.getJsonArray("stores")).isNotEmpty();
        assertThat(login.getJsonArray("stores").getJsonObject(0).keySet()).contains("id", "name", "mode", "status");
        JsonObject claims = StorefrontGateIT.claims(login.getString("access_token"));
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("platform_admin");
        assertThat(claims.getString("sub")).isEqualTo(account.getString("id"));
    }

    @Test
    void whenAnEmailFailsFiveTimesThenItIsLockedWhetherOrNotAnAccountExists() {
        String email = "locked." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        for (int i = 0; i < 5; i++) {
            assertProblem(
                    api.post("/api/v1/accounts/login", Api.json("email", email, "password", "guess number " + i)),
                    401,
                    "invalid_credentials");
        }
        Reply locked = api.post("/api/v1/accounts/login", Api.json("email", email, "password", "guess number 5"));
        assertProblem(locked, 429, "too_many_attempts");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.post(
                                "/api/v1/accounts/login",
                                Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD))
                        .status())
                .as("another email is not affected")
                .isEqualTo(200);
    }

    @Test
    void whenEmailDiffersOnlyInCaseAndSpacesThenStillSignsIn() {
        Reply reply = api.post(
                "/api/v1/accounts/login",
                Api.json(
                        "email",
                        "  " + RunningServer.ADMIN_EMAIL.toUpperCase() + " ",
                        "password",
                        RunningServer.ADMIN_PASSWORD));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void whenPasswordIsWrongOrAccountUnknownThenSameAnswer() {
        Reply wrong = api.post(
                "/api/v1/accounts/login", Api.json("email", RunningServer.ADMIN_EMAIL, "password", "wrong password"));
        Reply unknown = api.post(
                "/api/v1/accounts/login", Api.json("email", "nobody@it.example", "password", "wrong password"));
        assertProblem(wrong, 401, "invalid_credentials");
        assertProblem(unknown, 401, "invalid_credentials");
        JsonObject a = wrong.json();
        JsonObject b = unknown.json();
        assertThat(a.getString("detail")).isEqualTo(b.getString("detail"));
        assertThat(a.keySet()).isEqualTo(b.keySet());
    }

    @Test
    void whenRefreshedThenRotatedAndOldTokenReuseRevokesTheSession() {
        JsonObject login = Fixtures.adminLogin();
        Reply refreshed =
                api.post("/api/v1/accounts/token/refresh", Api.json("refresh_token", login.getString("refresh_token")));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().getJsonObject("account").getString("role")).isEqualTo("platform_admin");
        String access = refreshed.string("access_token");
        assertThat(api.bearer(access).get("/api/v1/stores").status()).isEqualTo(200);
        // once the successor has been used, the first token is no retry any more
        assertThat(api.post(
                                "/api/v1/accounts/token/refresh",
                                Api.json("refresh_token", refreshed.string("refresh_token")))
                        .status())
                .isEqualTo(200);

        assertProblem(
                api.post("/api/v1/accounts/token/refresh", Api.json("refresh_token", login.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertProblem(api.bearer(access).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenLoggedOutThenRefreshAndAccessTokenRefused() {
        JsonObject login = Fixtures.adminLogin();
        String access = login.getString("access_token");
        assertThat(api.bearer(access).get("/api/v1/stores").status()).isEqualTo(200);
        Reply logout = api.post("/api/v1/accounts/logout", Api.json("refresh_token", login.getString("refresh_token")));
        assertThat(logout.status()).isEqualTo(204);
        assertProblem(
                api.post("/api/v1/accounts/token/refresh", Api.json("refresh_token", login.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertProblem(api.bearer(access).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenStorefrontRefreshTokenIsUsedOnAccountRouteThenRefused() {
        String guestRefresh = Fixtures.newStore().guest().getString("refresh_token");
        assertProblem(
                api.post("/api/v1/accounts/token/refresh", Api.json("refresh_token", guestRefresh)),
                401,
                "invalid_refresh_token");
    }

    @Test
    void whenGuestAccessTokenIsUsedOnManagementApiThenUnauthorized() {
        String guestAccess = Fixtures.newStore().guest().getString("access_token");
        assertProblem(api.bearer(guestAccess).get("/api/v1/stores"), 401, "unauthorized");
        assertProblem(api.get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenHostileInputIsSentThenNeverA5xx() {
        String[] hostile = {
            "' OR '1'='1",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "a\u0000b",
            "x".repeat(5000) + "@example.com",
            "ａｄｍｉｎ@ｉｔ.example",
            "😀@😀.example"
        };
        for (String value : hostile) {
            Reply reply = api.post("/api/v1/accounts/login", Api.json("email", value, "password", value));
            assertThat(reply.status()).as(value + " -> " + reply).isIn(400, 401);
        }
    }

    @Test
    void whenSignInsHappenThenPasswordNeverReachesTheLog() {
        Fixtures.adminLogin();
        api.post(
                "/api/v1/accounts/login",
                Api.json("email", RunningServer.ADMIN_EMAIL, "password", "Wrong-Secret-Value-9"));
        assertThat(RunningServer.get().log())
                .doesNotContain(RunningServer.ADMIN_PASSWORD)
                .doesNotContain("Wrong-Secret-Value-9");
    }
}
