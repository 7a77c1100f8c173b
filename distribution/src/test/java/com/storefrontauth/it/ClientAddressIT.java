package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The per-IP window and the recorded address take {@code Forwarded} / {@code X-Forwarded-For} only from a
 * trusted proxy ({@code auth.http.trusted-proxies}), and then only the rightmost hop that is not a proxy.
 * The shared instance trusts nobody; a dedicated instance trusts loopback, the tests' only peer.
 */
class ClientAddressIT {

    private static RunningServer behindProxy;

    @AfterAll
    static void stopDedicated() {
        if (behindProxy != null) {
            behindProxy.stop();
        }
    }

    @Test
    void whenNoProxyIsTrustedThenForwardingHeadersGiveNoFreshWindow() {
        StoreFixture store = Fixtures.newStore();
        store.policy("ip_rate_limit_per_minute", 3);
        for (int i = 1; i <= 3; i++) {
            Reply reply = store.storefront()
                    .with("X-Forwarded-For", "198.51.100." + i)
                    .post(store.path("/auth/anonymous"));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        assertProblem(
                store.storefront().with("X-Forwarded-For", "198.51.100.4").post(store.path("/auth/anonymous")),
                429,
                "rate_limited");
        assertProblem(
                store.storefront().with("Forwarded", "for=198.51.100.5").post(store.path("/auth/anonymous")),
                429,
                "rate_limited");
    }

    @Test
    void whenPeerIsTrustedProxyThenEachForwardedClientHasItsOwnWindow() {
        Store store = Store.on(dedicated());
        store.exhaust("198.51.100.1");
        assertProblem(store.guest("X-Forwarded-For", "198.51.100.1"), 429, "rate_limited");
        assertThat(store.guest("X-Forwarded-For", "198.51.100.2").status()).isEqualTo(200);
        // several proxies: the rightmost address that is not a trusted proxy is the client
        assertThat(store.guest("X-Forwarded-For", "198.51.100.3, 127.0.0.1").status())
                .isEqualTo(200);
        assertThat(store.guest("Forwarded", "for=\"[2001:db8:7::1]:4711\";proto=https")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenClientSpoofsLeftmostEntriesThenTheyAreIgnored() {
        Store store = Store.on(dedicated());
        store.exhaust("198.51.100.20");
        // the client wrote the first entries; the proxy appended the address it really saw
        assertProblem(store.guest("X-Forwarded-For", "203.0.113.1, 198.51.100.20"), 429, "rate_limited");
        assertProblem(store.guest("X-Forwarded-For", "203.0.113.2, 10.0.0.1, 198.51.100.20"), 429, "rate_limited");
        // a Forwarded header the proxy passed through untouched disagrees with X-Forwarded-For: the peer counts
        assertThat(store.guest(Map.of("X-Forwarded-For", "198.51.100.20", "Forwarded", "for=203.0.113.3"))
                        .status())
                .isEqualTo(200);
        assertProblem(store.guest("X-Forwarded-For", "198.51.100.20"), 429, "rate_limited");
    }

    @Test
    void whenIpv6ClientsShareA64ThenTheyShareAWindow() {
        Store store = Store.on(dedicated());
        store.exhaust("2001:db8:1:2::1");
        assertProblem(store.guest("X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff"), 429, "rate_limited");
        assertThat(store.guest("X-Forwarded-For", "2001:db8:1:3::1").status()).isEqualTo(200);
    }

    @Test
    void whenPeerIsTrustedProxyThenSessionRecordsTheForwardedClient() {
        Store store = Store.on(dedicated());
        Reply registered = store.storefront()
                .with("X-Forwarded-For", "203.0.113.50, 198.51.100.77")
                .post(
                        store.path("/auth/register"),
                        Api.json("email", "proxied@example.com", "password", "purple mountain ferry 7"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        Reply sessions =
                store.storefront().bearer(registered.string("access_token")).get(store.path("/customers/me/sessions"));
        assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
        JsonArray list = Json.createReader(new StringReader(sessions.body())).readArray();
        assertThat(list.getJsonObject(0).getString("ip")).isEqualTo("198.51.100.77");
    }

    private static synchronized RunningServer dedicated() {
        if (behindProxy == null) {
            behindProxy = RunningServer.dedicated(Map.of("AUTH_HTTP_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128"));
        }
        return behindProxy;
    }

    /** A store of the dedicated instance with a window of 3 requests a minute per client. */
    private record Store(RunningServer server, String id, String publishableKey) {

        static Store on(RunningServer server) {
            Reply login = Api.of(server)
                    .post(
                            "/api/v1/accounts/login",
                            Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            Api admin = Api.of(server).bearer(login.string("access_token"));
            Reply store = admin.post("/api/v1/stores", Api.json("name", "Behind a proxy", "mode", "test"));
            assertThat(store.status()).as(store.toString()).isEqualTo(201);
            String id = store.string("id");
            Reply policy = admin.put("/api/v1/stores/" + id + "/login-policy", Api.json("ip_rate_limit_per_minute", 3));
            assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
            Reply key = admin.post("/api/v1/stores/" + id + "/api-keys", Api.json("type", "publishable"));
            assertThat(key.status()).as(key.toString()).isEqualTo(201);
            return new Store(server, id, key.string("key"));
        }

        String path(String suffix) {
            return "/api/v1/stores/" + id + suffix;
        }

        Api storefront() {
            return Api.of(server).with("X-Storefront-Api-Key", publishableKey);
        }

        Reply guest(String header, String value) {
            return guest(Map.of(header, value));
        }

        Reply guest(Map<String, String> headers) {
            Api api = storefront();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                api = api.with(header.getKey(), header.getValue());
            }
            return api.post(path("/auth/anonymous"));
        }

        /** Uses up the client's window: three guest tokens. */
        void exhaust(String client) {
            for (int i = 0; i < 3; i++) {
                Reply reply = guest("X-Forwarded-For", client);
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            }
        }
    }
}
