package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Customer sign-up and password sign-in by email and phone, lockout and the per-IP window. */
class CustomerSignInIT {

    static final String PASSWORD = "purple mountain ferry 7";

    @Test
    void whenRegisteredByEmailThenTokenResponseWithUserAndLoginWorksCaseInsensitively() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("Ada.Lovelace") + "@Example.com";
        Reply registered = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json("email", email, "password", PASSWORD, "first_name", "Ada", "last_name", "Lovelace"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        JsonObject user = registered.json().getJsonObject("user");
        assertThat(user.getString("id")).startsWith("cus_");
        assertThat(user.getString("email")).isEqualTo(email.toLowerCase());
        assertThat(user.isNull("phone")).isTrue();
        assertThat(user.getString("first_name")).isEqualTo("Ada");
        assertThat(user.getBoolean("is_email_verified")).isFalse();
        assertThat(user.getJsonArray("login_methods").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("password", "email_otp");
        assertThat(user.keySet()).contains("created_at", "modified_at");
        assertThat(StorefrontGateIT.claims(registered.string("access_token"))
                        .getJsonArray("groups")
                        .getString(0))
                .isEqualTo("customer");

        Reply login = login(store, Api.json("email", "  " + email.toUpperCase() + " ", "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().getJsonObject("user").getString("id")).isEqualTo(user.getString("id"));
        assertThat(login.header("X-RateLimit-Limit")).isEqualTo("60");
    }

    @Test
    void whenRegisteredByPhoneThenLoginWorksInEveryFormat() {
        StoreFixture store = Fixtures.newStore();
        Reply registered = store.storefront()
                .post(store.path("/auth/register"), Api.json("phone", "98765 43210", "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().getJsonObject("user").getString("phone")).isEqualTo("+919876543210");
        for (String body : new String[] {
            Api.json("phone", "+919876543210", "password", PASSWORD),
            Api.json("phone", "+91 98765-43210", "password", PASSWORD),
            Api.json("phone", "098765 43210", "country_code", "+91", "password", PASSWORD),
            Api.json("phone", "9876543210", "password", PASSWORD)
        }) {
            assertThat(login(store, body).status()).as(body).isEqualTo(200);
        }
        assertProblem(
                login(store, Api.json("phone", "9876543210", "country_code", "+1", "password", PASSWORD)),
                400,
                "invalid_request");
    }

    @Test
    void whenIdentifierIsTakenThenAccountExistsCaseInsensitively() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("dup") + "@example.com";
        assertThat(register(store, email).status()).isEqualTo(200);
        assertProblem(register(store, email.toUpperCase()), 409, "account_exists");
        assertThat(store.storefront()
                        .post(store.path("/auth/register"), Api.json("phone", "+14155552671", "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        assertProblem(
                store.storefront()
                        .post(
                                store.path("/auth/register"),
                                Api.json("phone", "(415) 555-2671", "country_code", "+1", "password", PASSWORD)),
                409,
                "account_exists");
    }

    @Test
    void whenSameEmailRegistersInTwoStoresThenTheyAreIndependent() {
        StoreFixture a = Fixtures.newStore();
        StoreFixture b = Fixtures.newStore();
        String email = unique("twice") + "@example.com";
        assertThat(register(a, email).status()).isEqualTo(200);
        assertThat(b.storefront()
                        .post(b.path("/auth/register"), Api.json("email", email, "password", "another fine password 9"))
                        .status())
                .isEqualTo(200);
        assertThat(login(a, Api.json("email", email, "password", PASSWORD)).status())
                .isEqualTo(200);
        assertProblem(login(b, Api.json("email", email, "password", PASSWORD)), 401, "invalid_credentials");
    }

    @Test
    void whenPasswordIsWeakOrTooLongThenWeakPasswordAndNoAccount() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("weak") + "@example.com";
        for (String weak : new String[] {"password", "1234567", "qwertyuiop", "x".repeat(257)}) {
            Reply reply =
                    store.storefront().post(store.path("/auth/register"), Api.json("email", email, "password", weak));
            assertProblem(reply, 422, "weak_password");
            assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("password");
        }
        assertThat(register(store, email).status()).as("nothing was written").isEqualTo(200);
        assertThat(Fixtures.admin()
                        .put(store.path("/login-policy"), "{\"password_min_length\": 30}")
                        .status())
                .isEqualTo(200);
        assertProblem(register(store, unique("short") + "@example.com"), 422, "weak_password");
    }

    @Test
    void whenRegistrationInputIsMalformedThenFieldsAreNamed() {
        StoreFixture store = Fixtures.newStore();
        Reply reply = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json("email", "not-an-email", "phone", "12", "first_name", "x".repeat(200)));
        assertProblem(reply, 400, "invalid_request");
        assertThat(reply.json().getJsonObject("errors").keySet()).contains("email", "phone", "password");
    }

    @Test
    void whenAnEmailLooksLikeAnotherButHidesInvisibleCharactersThenItIsRefusedAndAccentFormsAreOneAccount() {
        StoreFixture store = Fixtures.newStore();
        String local = unique("jose");
        for (String invisible : new String[] {"\u200B", "\u202E", "\uFEFF"}) {
            Reply reply = register(store, local + invisible + "@example.com");
            assertProblem(reply, 400, "invalid_request");
            assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("email");
        }
        assertThat(register(store, local + "e\u0301@example.com").status()).isEqualTo(200);
        assertProblem(register(store, local + "\u00e9@example.com"), 409, "account_exists");
        assertThat(login(store, Api.json("email", local.toUpperCase() + "\u00c9@example.com", "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenPasswordIsWrongOrAccountUnknownThenSameAnswerAndSimilarTime() {
        StoreFixture store = Fixtures.newStore();
        Fixtures.admin()
                .put(store.path("/login-policy"), "{\"lockout_threshold\": 1000, \"ip_rate_limit_per_minute\": 600}");
        String email = unique("known") + "@example.com";
        assertThat(register(store, email).status()).isEqualTo(200);
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        Reply wrong = null;
        Reply missing = null;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            wrong = login(store, Api.json("email", email, "password", "not the password " + i));
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            missing = login(
                    store, Api.json("email", unique("ghost") + "@example.com", "password", "not the password " + i));
            unknown.add(System.nanoTime() - start);
        }
        assertProblem(wrong, 401, "invalid_credentials");
        assertProblem(missing, 401, "invalid_credentials");
        JsonObject a = wrong.json();
        JsonObject b = missing.json();
        assertThat(withoutTraceId(a)).isEqualTo(withoutTraceId(b));
        double ratio = (double) median(known) / median(unknown);
        assertThat(ratio).as("median wrong-password / unknown-account time").isBetween(0.5, 2.0);
    }

    @Test
    void whenFailuresReachThresholdThenLockedWithRetryAfterAndReleasedAfterIt() throws Exception {
        StoreFixture store = Fixtures.newStore();
        Fixtures.admin()
                .put(
                        store.path("/login-policy"),
                        "{\"lockout_threshold\": 2, \"lockout_base_seconds\": 1, \"lockout_max_seconds\": 2}");
        String email = unique("locked") + "@example.com";
        assertThat(register(store, email).status()).isEqualTo(200);
        for (String identifier : new String[] {email, unique("nobody") + "@example.com"}) {
            assertProblem(
                    login(store, Api.json("email", identifier, "password", "wrong one 1")), 401, "invalid_credentials");
            assertProblem(
                    login(store, Api.json("email", identifier, "password", "wrong one 2")), 401, "invalid_credentials");
            Reply locked = login(store, Api.json("email", identifier, "password", PASSWORD));
            assertProblem(locked, 429, "too_many_attempts");
            long retryAfter = Long.parseLong(locked.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 2L);
            Thread.sleep(retryAfter * 1000 + 300);
        }
        assertThat(login(store, Api.json("email", email, "password", PASSWORD)).status())
                .isEqualTo(200);
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=account_locked"))
                        .items())
                .hasSize(2);
    }

    @Test
    void whenIpWindowIsExhaustedThenRateLimitedWithHeaders() {
        StoreFixture store = Fixtures.newStore();
        Fixtures.admin().put(store.path("/login-policy"), "{\"ip_rate_limit_per_minute\": 3}");
        Reply first = store.storefront().post(store.path("/auth/anonymous"));
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isBetween(1L, 60L);
        store.storefront().post(store.path("/auth/anonymous"));
        store.storefront()
                .post(store.path("/auth/login"), Api.json("email", "a@example.com", "password", "whatever 123"));
        Reply limited = store.storefront().post(store.path("/auth/anonymous"));
        assertProblem(limited, 429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        StoreFixture other = Fixtures.newStore();
        assertThat(other.storefront().post(other.path("/auth/anonymous")).status())
                .as("windows are per store")
                .isEqualTo(200);
    }

    @Test
    void whenGuestSignsInWithItsTokenThenNewTokensCarryAnonymousId() {
        StoreFixture store = Fixtures.newStore();
        JsonObject guest = store.guest();
        String guestId =
                StorefrontGateIT.claims(guest.getString("access_token")).getString("sub");
        Reply registered = store.storefront()
                .bearer(guest.getString("access_token"))
                .post(
                        store.path("/auth/register"),
                        Api.json("email", unique("cart") + "@example.com", "password", PASSWORD));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(StorefrontGateIT.claims(registered.string("access_token")).getString("anonymous_id"))
                .isEqualTo(guestId);
        Reply refreshed = store.storefront()
                .post(store.path("/auth/token/refresh"), Api.json("refresh_token", registered.string("refresh_token")));
        assertThat(StorefrontGateIT.claims(refreshed.string("access_token")).getString("anonymous_id"))
                .isEqualTo(guestId);
        assertThat(refreshed.json().getJsonObject("user").getString("id"))
                .isEqualTo(registered.json().getJsonObject("user").getString("id"));
    }

    @Test
    void whenPasswordLoginIsDisabledByPolicyThenLoginMethodDisabled() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("off") + "@example.com";
        assertThat(register(store, email).status()).isEqualTo(200);
        Fixtures.admin().put(store.path("/login-policy"), "{\"password_login\": false, \"allow_registration\": false}");
        assertProblem(login(store, Api.json("email", email, "password", PASSWORD)), 403, "login_method_disabled");
        assertProblem(register(store, unique("new") + "@example.com"), 403, "login_method_disabled");
    }

    @Test
    void whenPlatformAdminSignsInAsOwnerOfAStoreItDoesNotBelongToThenInvalidCredentials() {
        StoreFixture store = Fixtures.newStore();
        assertProblem(
                login(
                        store,
                        Api.json(
                                "email",
                                com.storefrontauth.it.support.RunningServer.ADMIN_EMAIL,
                                "password",
                                com.storefrontauth.it.support.RunningServer.ADMIN_PASSWORD,
                                "login_as",
                                "owner")),
                401,
                "invalid_credentials");
        assertProblem(
                login(store, Api.json("email", "a@example.com", "password", PASSWORD, "login_as", "root")),
                400,
                "invalid_request");
    }

    static Reply register(StoreFixture store, String email) {
        return store.storefront().post(store.path("/auth/register"), Api.json("email", email, "password", PASSWORD));
    }

    static Reply login(StoreFixture store, String body) {
        return store.storefront().post(store.path("/auth/login"), body);
    }

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject withoutTraceId(JsonObject problem) {
        return jakarta.json.Json.createObjectBuilder(problem).remove("trace_id").build();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
