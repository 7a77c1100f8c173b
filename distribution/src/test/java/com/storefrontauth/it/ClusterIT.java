package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.PASSWORD;
import static com.storefrontauth.it.CustomerSignInIT.unique;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Two instances sharing one PostgreSQL database, as behind a load balancer. */
class ClusterIT {

    private final RunningServer peer = RunningServer.peer();

    @Test
    void whenSignedInOnOneInstanceThenTheOtherAcceptsTheTokensAndRotatesTheRefreshToken() {
        StoreFixture store = Fixtures.newStore();
        store.policy("refresh_reuse_grace_seconds", 0);
        JsonObject signIn = CustomerSignInIT.register(store, unique("cluster") + "@example.com").json();
        Api other = Api.of(peer).with("X-Storefront-Api-Key", store.publishableKey());
        assertThat(other.bearer(signIn.getString("access_token")).get(store.path("/customers/me")).status())
                .isEqualTo(200);
        Reply rotated = other.post(store.path("/auth/token/refresh"),
                Api.json("refresh_token", signIn.getString("refresh_token")));
        assertThat(rotated.status()).isEqualTo(200);
        assertProblem(StorefrontSessionIT.refresh(store, signIn.getString("refresh_token")), 401,
                "invalid_refresh_token");
    }

    @Test
    void whenASessionIsRevokedOnOneInstanceThenTheOtherRefusesItsAccessTokenWithinTwoSeconds() throws Exception {
        StoreFixture store = Fixtures.newStore();
        String email = unique("revoke") + "@example.com";
        JsonObject signIn = CustomerSignInIT.register(store, email).json();
        Api onPeer = Api.of(peer).with("X-Storefront-Api-Key", store.publishableKey())
                .bearer(signIn.getString("access_token"));
        assertThat(onPeer.get(store.path("/customers/me")).status()).isEqualTo(200);

        Reply logout = store.storefront().bearer(signIn.getString("access_token")).post(store.path("/auth/logout"));
        assertThat(logout.status()).isEqualTo(204);
        long refusedAfter = millisUntil(() -> onPeer.get(store.path("/customers/me")).status() == 401);
        assertThat(refusedAfter).as("ms until the other instance refused the token").isLessThan(2000);
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void whenAKeyIsRotatedOnOneInstanceThenTheOtherVerifiesTokensOfTheNewKeyWithinASecond() throws Exception {
        Reply rotated = Fixtures.admin().post("/api/v1/admin/signing-keys/rotate");
        assertThat(rotated.status()).isEqualTo(201);
        StoreFixture store = Fixtures.newStore();
        JsonObject signIn = CustomerSignInIT.register(store, unique("kid") + "@example.com").json();
        Api onPeer = Api.of(peer).with("X-Storefront-Api-Key", store.publishableKey())
                .bearer(signIn.getString("access_token"));
        long acceptedAfter = millisUntil(() -> onPeer.get(store.path("/customers/me")).status() == 200);
        assertThat(acceptedAfter).as("ms until the other instance knew the new key").isLessThan(1500);
    }

    private static long millisUntil(Callable<Boolean> condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.call()) {
            if (System.nanoTime() - start > 10_000_000_000L) {
                return Long.MAX_VALUE;
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
