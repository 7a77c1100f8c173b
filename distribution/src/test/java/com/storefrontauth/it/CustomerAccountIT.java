package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.PASSWORD;
import static com.storefrontauth.it.CustomerSignInIT.unique;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The customer's own account, and the management API over customers and sessions. */
class CustomerAccountIT {

    @Test
    void whenSignedInThenMeAnswersAndPatchRenames() {
        StoreFixture store = Fixtures.newStore();
        JsonObject signIn =
                CustomerSignInIT.register(store, unique("me") + "@example.com").json();
        Api me = store.storefront().bearer(signIn.getString("access_token"));
        JsonObject user = me.get(store.path("/customers/me")).json();
        assertThat(user).isEqualTo(signIn.getJsonObject("user"));
        Reply renamed = me.patch(store.path("/customers/me"), Api.json("first_name", " Grace ", "last_name", "Hopper"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().getString("first_name")).isEqualTo("Grace");
        assertThat(me.get(store.path("/customers/me")).json().getString("last_name"))
                .isEqualTo("Hopper");
        assertProblem(
                me.patch(store.path("/customers/me"), Api.json("first_name", "x".repeat(101))), 400, "invalid_request");
    }

    @Test
    void whenTokenIsMissingGuestOrOfAnotherStoreThenUnauthorized() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        assertProblem(store.storefront().get(store.path("/customers/me")), 401, "unauthorized");
        assertProblem(
                store.storefront()
                        .bearer(store.guest().getString("access_token"))
                        .get(store.path("/customers/me")),
                401,
                "unauthorized");
        String foreign =
                CustomerSignInIT.register(other, unique("x") + "@example.com").string("access_token");
        assertProblem(store.storefront().bearer(foreign).get(store.path("/customers/me")), 401, "unauthorized");
        assertProblem(store.storefront().get(store.path("/customers/me")), 401, "unauthorized");
    }

    @Test
    void whenPasswordChangesThenOtherSessionsAndTheirAccessTokensEndButCurrentStays() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("pw") + "@example.com";
        JsonObject first = CustomerSignInIT.register(store, email).json();
        JsonObject second = CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD))
                .json();
        Api current = store.storefront().bearer(second.getString("access_token"));

        assertProblem(
                current.post(
                        store.path("/customers/me/password"),
                        Api.json("current_password", "wrong password 1", "new_password", "a brand new secret 2")),
                401,
                "invalid_credentials");
        assertProblem(
                current.post(
                        store.path("/customers/me/password"),
                        Api.json("current_password", PASSWORD, "new_password", "password")),
                422,
                "weak_password");
        Reply changed = current.post(
                store.path("/customers/me/password"),
                Api.json("current_password", PASSWORD, "new_password", "a brand new secret 2"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertProblem(
                store.storefront().bearer(first.getString("access_token")).get(store.path("/customers/me")),
                401,
                "unauthorized");
        assertProblem(
                StorefrontSessionIT.refresh(store, first.getString("refresh_token")), 401, "invalid_refresh_token");
        assertThat(current.get(store.path("/customers/me")).status()).isEqualTo(200);
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD)),
                401,
                "invalid_credentials");
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", "a brand new secret 2"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenSessionsAreListedThenCurrentIsMarkedAndOnlyOwnSessionsCanBeEnded() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("sessions") + "@example.com";
        JsonObject first = CustomerSignInIT.register(store, email).json();
        JsonObject second = CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD))
                .json();
        JsonObject stranger = CustomerSignInIT.register(store, unique("stranger") + "@example.com")
                .json();
        Api me = store.storefront().bearer(second.getString("access_token")).with("User-Agent", "it-browser");

        Reply listed = me.get(store.path("/customers/me/sessions"));
        assertThat(listed.status()).isEqualTo(200);
        JsonArray sessions = jakarta.json.Json.createReader(new java.io.StringReader(listed.body()))
                .readArray();
        assertThat(sessions).hasSize(2);
        JsonObject current = sessions.stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getBoolean("current"))
                .findFirst()
                .orElseThrow();
        assertThat(current.getString("id")).isEqualTo(second.getString("session_id"));
        assertThat(current.keySet()).contains("created_at", "last_used_at", "expires_at", "ip", "user_agent");

        assertProblem(
                me.delete(store.path("/customers/me/sessions/" + stranger.getString("session_id"))), 404, "not_found");
        assertProblem(me.delete(store.path("/customers/me/sessions/ses_nope")), 404, "not_found");
        assertThat(StorefrontSessionIT.refresh(store, stranger.getString("refresh_token"))
                        .status())
                .isEqualTo(200);

        assertThat(me.delete(store.path("/customers/me/sessions/" + first.getString("session_id")))
                        .status())
                .isEqualTo(204);
        assertProblem(
                StorefrontSessionIT.refresh(store, first.getString("refresh_token")), 401, "invalid_refresh_token");
    }

    @Test
    void whenAccountIsErasedThenSessionsEndAndIdentifierIsFreeAgain() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("erase") + "@example.com";
        JsonObject signIn = CustomerSignInIT.register(store, email).json();
        String customerId = signIn.getJsonObject("user").getString("id");
        Api me = store.storefront().bearer(signIn.getString("access_token"));
        assertProblem(
                me.send(
                        "DELETE",
                        store.path("/customers/me"),
                        Api.json("password", "wrong password 9"),
                        "application/json"),
                401,
                "invalid_credentials");
        Reply erased =
                me.send("DELETE", store.path("/customers/me"), Api.json("password", PASSWORD), "application/json");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        assertProblem(me.get(store.path("/customers/me")), 401, "unauthorized");
        assertProblem(
                StorefrontSessionIT.refresh(store, signIn.getString("refresh_token")), 401, "invalid_refresh_token");
        assertProblem(Fixtures.admin().get(store.path("/customers/" + customerId)), 404, "not_found");
        Reply again = CustomerSignInIT.register(store, email);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getJsonObject("user").getString("id")).isNotEqualTo(customerId);
        Reply events = Fixtures.admin().get(store.path("/events?type=account_deleted"));
        assertThat(events.items()).hasSize(1);
        assertThat(events.body()).contains(customerId).doesNotContain(email);
    }

    @Test
    void whenOperatorSearchesThenPagedResultsOfThisStoreOnly() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        String marker = unique("zeta");
        for (int i = 0; i < 3; i++) {
            store.storefront()
                    .post(
                            store.path("/auth/register"),
                            Api.json(
                                    "email",
                                    marker + i + "@example.com",
                                    "password",
                                    PASSWORD,
                                    "first_name",
                                    "Zed" + i));
        }
        CustomerSignInIT.register(other, marker + "9@example.com");
        Api admin = Fixtures.admin();
        JsonObject page = admin.get(store.path("/customers?q=" + marker.toUpperCase() + "&size=2"))
                .json();
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getInt("size")).isEqualTo(2);
        assertThat(page.getJsonArray("items")).hasSize(2);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("status"))
                .isEqualTo("active");
        assertThat(admin.get(store.path("/customers?q=" + marker + "&size=2&page=2"))
                        .items())
                .hasSize(1);
        assertThat(admin.get(store.path("/customers?q=zed1")).json().getInt("total"))
                .isEqualTo(1);
        assertThat(admin.get(store.path("/customers?q=%25")).json().getInt("total"))
                .isZero();
        assertProblem(admin.get(store.path("/customers?size=0")), 400, "invalid_request");
    }

    @Test
    void whenOperatorDisablesCustomerThenSessionsEndAndCorrectPasswordGetsAccountDisabled() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("disable") + "@example.com";
        JsonObject signIn = CustomerSignInIT.register(store, email).json();
        String customerId = signIn.getJsonObject("user").getString("id");
        Api admin = Fixtures.admin();
        Reply disabled = admin.patch(store.path("/customers/" + customerId), Api.json("status", "disabled"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().getString("status")).isEqualTo("disabled");

        assertProblem(
                store.storefront().bearer(signIn.getString("access_token")).get(store.path("/customers/me")),
                401,
                "unauthorized");
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD)), 403, "account_disabled");
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", email, "password", "wrong password 3")),
                401,
                "invalid_credentials");

        assertThat(admin.patch(store.path("/customers/" + customerId), Api.json("status", "active"))
                        .status())
                .isEqualTo(200);
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        assertProblem(
                admin.patch(store.path("/customers/" + customerId), Api.json("status", "gone")),
                400,
                "invalid_request");
    }

    @Test
    void whenOperatorManagesSessionsThenListRevokeOneAndRevokeAllWork() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        String email = unique("ops") + "@example.com";
        JsonObject first = CustomerSignInIT.register(store, email).json();
        JsonObject second = CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD))
                .json();
        String customerId = first.getJsonObject("user").getString("id");
        Api admin = Fixtures.admin();

        JsonArray listed =
                admin.get(store.path("/sessions?customer_id=" + customerId)).items();
        assertThat(listed).hasSize(2);
        assertThat(listed.getJsonObject(0).getString("customer_id")).isEqualTo(customerId);
        assertProblem(admin.delete(other.path("/sessions/" + first.getString("session_id"))), 404, "not_found");
        assertThat(admin.delete(store.path("/sessions/" + first.getString("session_id")))
                        .status())
                .isEqualTo(204);
        assertProblem(
                StorefrontSessionIT.refresh(store, first.getString("refresh_token")), 401, "invalid_refresh_token");
        assertThat(admin.get(store.path("/sessions?customer_id=" + customerId)).items())
                .hasSize(1);

        assertProblem(admin.delete(other.path("/customers/" + customerId + "/sessions")), 404, "not_found");
        assertThat(admin.delete(store.path("/customers/" + customerId + "/sessions"))
                        .status())
                .isEqualTo(204);
        assertProblem(
                store.storefront().bearer(second.getString("access_token")).get(store.path("/customers/me")),
                401,
                "unauthorized");
        assertThat(admin.get(store.path("/sessions?customer_id=" + customerId)).items())
                .isEmpty();
    }

    @Test
    void whenHostileStringsAreSentInEveryFieldThenNeverA5xx() {
        StoreFixture store = Fixtures.newStore();
        Fixtures.admin()
                .put(store.path("/login-policy"), "{\"ip_rate_limit_per_minute\": 600, \"lockout_threshold\": 1000}");
        String[] hostile = {
            "' OR '1'='1' --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "a\u0000b",
            "x".repeat(5000) + "@example.com",
            "ａｌｉｃｅ@ｅｘａｍｐｌｅ.com",
            "😀@example.com",
            "\uD800",
            "%00",
            "../../etc/passwd",
            "+91 98765 43210 ; DROP TABLE customers"
        };
        String[] fields = {"email", "phone", "country_code", "password", "first_name", "last_name", "login_as"};
        JsonObject signIn = CustomerSignInIT.register(store, unique("safe") + "@example.com")
                .json();
        Api me = store.storefront().bearer(signIn.getString("access_token"));
        for (String value : hostile) {
            for (String field : fields) {
                String body = Api.json(field, value, "password", field.equals("password") ? value : PASSWORD);
                assertThat(store.storefront()
                                .post(store.path("/auth/register"), body)
                                .status())
                        .as(field + "=" + value)
                        .isLessThan(500);
                assertThat(store.storefront()
                                .post(store.path("/auth/login"), body)
                                .status())
                        .as(field + "=" + value)
                        .isLessThan(500);
            }
            assertThat(me.patch(store.path("/customers/me"), Api.json("first_name", value))
                            .status())
                    .isLessThan(500);
            assertThat(Fixtures.admin()
                            .get(store.path("/customers?q="
                                    + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)))
                            .status())
                    .isLessThan(500);
        }
    }
}
