package com.storefrontauth.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Builders for the state a test needs: every test makes its own store, so tests never share data. */
public final class Fixtures {

    private static String adminToken;

    private Fixtures() {}

    public static JsonObject adminLogin() {
        Reply reply = Api.server()
                .post(
                        "/api/v1/accounts/login",
                        Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** A platform admin session shared by the tests that only need to manage stores. */
    public static synchronized Api admin() {
        if (adminToken == null) {
            adminToken = adminLogin().getString("access_token");
        }
        return Api.server().bearer(adminToken);
    }

    public static StoreFixture newStore() {
        return newStore("test");
    }

    public static StoreFixture newStore(String mode) {
        Reply store = admin().post("/api/v1/stores", Api.json("name", "IT store " + UUID.randomUUID(), "mode", mode));
        assertThat(store.status()).as(store.toString()).isEqualTo(201);
        String storeId = store.string("id");
        Reply key = admin().post(
                        "/api/v1/stores/" + storeId + "/api-keys",
                        Api.json("type", "publishable", "label", "storefront"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return new StoreFixture(storeId, key.string("key"), key.string("id"));
    }

    /** A store and one of its active publishable keys. */
    public record StoreFixture(String id, String publishableKey, String keyId) {

        public String path(String suffix) {
            return "/api/v1/stores/" + id + suffix;
        }

        /** A client that sends this store's publishable key. */
        public Api storefront() {
            return Api.server().with("X-Storefront-Api-Key", publishableKey);
        }

        public JsonObject guest() {
            Reply reply = storefront().post(path("/auth/anonymous"));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.json();
        }

        /** Changes the store's login policy (a subset of fields). */
        public void policy(Object... namesAndValues) {
            Reply reply = admin().put(path("/login-policy"), Api.json(namesAndValues));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        public void allowOrigin(String origin) {
            Reply reply = admin().post(path("/cors-origins"), Api.json("origin", origin));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        }
    }
}
