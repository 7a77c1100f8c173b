package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Stores, login policy, API keys, CORS origins and audit events through the management API. */
class StoreManagementIT {

    private final Api admin = Fixtures.admin();

    @Test
    void whenStoreIsCreatedThenReadableRenamableAndSwitchable() {
        Reply created = admin.post("/api/v1/stores", Api.json("name", "  Luxmart  ", "mode", "live"));
        assertThat(created.status()).isEqualTo(201);
        JsonObject store = created.json();
        assertThat(store.getString("id")).startsWith("st_");
        assertThat(store.getString("name")).isEqualTo("Luxmart");
        assertThat(store.getString("mode")).isEqualTo("live");
        assertThat(store.getString("status")).isEqualTo("active");
        assertThat(store.getString("created_at")).endsWith("Z");
        String path = "/api/v1/stores/" + store.getString("id");

        assertThat(admin.get(path).json()).isEqualTo(store);
        Reply renamed = admin.patch(path, Api.json("name", "Luxmart Outlet", "mode", "test"));
        assertThat(renamed.json().getString("name")).isEqualTo("Luxmart Outlet");
        assertThat(renamed.json().getString("mode")).isEqualTo("test");
        assertThat(admin.get("/api/v1/stores").items().stream()
                        .map(JsonValue::asJsonObject)
                        .map(s -> s.getString("id")))
                .contains(store.getString("id"));
    }

    @Test
    void whenStoreInputIsInvalidThenFieldsAreNamedAndNothingIsWritten() {
        Reply bad = admin.post("/api/v1/stores", Api.json("name", "", "mode", "prod"));
        assertProblem(bad, 400, "invalid_request");
        assertThat(bad.json().getJsonObject("errors").keySet()).contains("mode");
        StoreFixture store = Fixtures.newStore();
        Reply badPatch = admin.patch(store.path(""), Api.json("status", "deleted", "name", "x".repeat(500)));
        assertProblem(badPatch, 400, "invalid_request");
        assertThat(admin.get(store.path("")).json().getString("status")).isEqualTo("active");
    }

    @Test
    void whenStoreIdIsUnknownThenNotFound() {
        assertProblem(admin.get("/api/v1/stores/st_000000000000000000000000"), 404, "not_found");
        assertProblem(admin.get("/api/v1/stores/../../etc/passwd"), 404, "not_found");
    }

    @Test
    void whenPolicyIsAmendedPartiallyThenOtherFieldsKeepTheirValues() {
        StoreFixture store = Fixtures.newStore();
        JsonObject before = admin.get(store.path("/login-policy")).json();
        assertThat(before.getInt("otp_length")).isEqualTo(6);
        assertThat(before.keySet()).hasSize(23);
        assertThat(before.getInt("refresh_reuse_grace_seconds")).isEqualTo(30);
        Reply amended = admin.put(
                store.path("/login-policy"),
                "{\"otp_length\": 8, \"whatsapp_otp_login\": true, \"access_token_ttl_seconds\": 600}");
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        JsonObject after = admin.get(store.path("/login-policy")).json();
        assertThat(after.getInt("otp_length")).isEqualTo(8);
        assertThat(after.getBoolean("whatsapp_otp_login")).isTrue();
        assertThat(after.getInt("otp_ttl_seconds")).isEqualTo(before.getInt("otp_ttl_seconds"));
        assertThat(store.guest().getInt("expires_in"))
                .as("new sessions use the new lifetime")
                .isEqualTo(600);
        assertThat(admin.get(store.path("/events?type=login_policy_updated")).items())
                .hasSize(1);
    }

    @Test
    void whenPolicyFieldsAreOutOfRangeThenEachIsNamedAndNoneApplied() {
        StoreFixture store = Fixtures.newStore();
        Reply refused = admin.put(
                store.path("/login-policy"),
                "{\"otp_length\": 11, \"otp_ttl_seconds\": 29, "
                        + "\"lockout_base_seconds\": 600, \"lockout_max_seconds\": 300, \"password_login\": \"yes\", "
                        + "\"ip_rate_limit_per_minute\": 0, \"password_min_length\": 8}");
        assertProblem(refused, 400, "invalid_request");
        assertThat(refused.json().getJsonObject("errors").keySet())
                .containsExactlyInAnyOrder(
                        "otp_length", "otp_ttl_seconds", "password_login", "ip_rate_limit_per_minute");
        assertThat(admin.get(store.path("/login-policy")).json().getInt("lockout_base_seconds"))
                .isEqualTo(60);
        Reply crossField =
                admin.put(store.path("/login-policy"), "{\"lockout_base_seconds\": 600, \"lockout_max_seconds\": 300}");
        assertThat(crossField.json().getJsonObject("errors").keySet()).containsExactly("lockout_max_seconds");
    }

    @Test
    void whenSecretKeyIsCreatedThenShownOnceAndWorksOnlyForItsStore() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        Reply created = admin.post(store.path("/api-keys"), Api.json("type", "secret", "label", "back end"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.string("key");
        assertThat(secret).startsWith("sk_test_");
        String listed = admin.get(store.path("/api-keys")).body();
        assertThat(listed).doesNotContain(secret).contains(created.string("id"));

        Api backend = Api.server().bearer(secret);
        assertThat(backend.get(store.path("/login-policy")).status()).isEqualTo(200);
        assertProblem(backend.get(other.path("/login-policy")), 404, "not_found");
        assertThat(backend.get("/api/v1/stores").items()).hasSize(1);
        assertProblem(backend.post("/api/v1/stores", Api.json("name", "x")), 403, "forbidden");

        assertThat(admin.delete(store.path("/api-keys/" + created.string("id"))).status())
                .isEqualTo(204);
        assertProblem(backend.get(store.path("/login-policy")), 401, "unauthorized");
        assertThat(admin.get(store.path("/events?type=api_key_created")).body()).doesNotContain(secret);
    }

    @Test
    void whenPublishableKeyOfLiveStoreIsCreatedThenLivePrefixAndListedReadably() {
        StoreFixture store = Fixtures.newStore("live");
        assertThat(store.publishableKey()).startsWith("pk_live_");
        JsonObject listed = admin.get(store.path("/api-keys")).items().getJsonObject(0);
        assertThat(listed.getString("key")).isEqualTo(store.publishableKey());
        assertThat(listed.getString("type")).isEqualTo("publishable");
    }

    @Test
    void whenKeyInputIsInvalidThenFieldsAreNamed() {
        StoreFixture store = Fixtures.newStore();
        assertProblem(admin.post(store.path("/api-keys"), Api.json("type", "root")), 400, "invalid_request");
        assertProblem(admin.delete(store.path("/api-keys/key_unknown")), 404, "not_found");
        StoreFixture other = Fixtures.newStore();
        assertProblem(admin.delete(other.path("/api-keys/" + store.keyId())), 404, "not_found");
        assertThat(store.storefront().post(store.path("/auth/anonymous")).status())
                .isEqualTo(200);
    }

    @Test
    void whenOriginsAreAddedThenValidatedCanonicalAndRemovable() {
        StoreFixture store = Fixtures.newStore();
        Reply added = admin.post(store.path("/cors-origins"), Api.json("origin", "HTTPS://Shop.Example.com:443"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.string("origin")).isEqualTo("https://shop.example.com");
        assertThat(admin.post(store.path("/cors-origins"), Api.json("origin", "https://*.brand.example"))
                        .status())
                .isEqualTo(201);
        for (String bad : new String[] {
            "https://shop.example.com/path",
            "*",
            "https://*.com",
            "ftp://x.example",
            "https://shop.example.com?x=1",
            "https://shop.example.com"
        }) {
            Reply refused = admin.post(store.path("/cors-origins"), Api.json("origin", bad));
            assertProblem(refused, 400, "invalid_request");
            assertThat(refused.json().getJsonObject("errors").keySet()).containsExactly("origin");
        }
        assertThat(admin.get(store.path("/cors-origins")).items()).hasSize(2);
        assertThat(admin.delete(store.path("/cors-origins/" + added.string("id")))
                        .status())
                .isEqualTo(204);
        assertThat(admin.get(store.path("/cors-origins")).items()).hasSize(1);
        StoreFixture other = Fixtures.newStore();
        String remaining =
                admin.get(store.path("/cors-origins")).items().getJsonObject(0).getString("id");
        assertProblem(admin.delete(other.path("/cors-origins/" + remaining)), 404, "not_found");
    }

    @Test
    void whenThingsChangeThenEventsAreRecordedNewestFirstAndFilterable() {
        StoreFixture store = Fixtures.newStore();
        store.allowOrigin("https://shop.example.com");
        store.guest();
        Reply all = admin.get(store.path("/events"));
        assertThat(all.status()).isEqualTo(200);
        JsonObject page = all.json();
        assertThat(page.getInt("page")).isEqualTo(1);
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(4);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("type"))
                .isEqualTo("guest_session_started");
        assertThat(all.body())
                .contains("store_created", "api_key_created", "cors_origin_added")
                .doesNotContain(store.publishableKey());
        assertThat(admin.get(store.path("/events?type=cors_origin_added")).items())
                .hasSize(1);
        assertThat(admin.get(store.path("/events?since=2999-01-01T00:00:00Z")).items())
                .isEmpty();
        assertThat(admin.get(store.path("/events?size=1&page=2")).items()).hasSize(1);
        assertProblem(admin.get(store.path("/events?type=nope")), 400, "invalid_request");
        assertProblem(admin.get(store.path("/events?since=yesterday")), 400, "invalid_request");
        assertProblem(admin.get(store.path("/events?size=1000")), 400, "invalid_request");
    }
}
