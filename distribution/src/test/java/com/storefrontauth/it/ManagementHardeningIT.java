package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * What a merchant's or a secret key's credentials can still do after the platform admin stepped in, and
 * what a leaked secret key cannot do: each test runs the attack over HTTP and expects it refused.
 */
class ManagementHardeningIT {

    @Test
    void whenPlatformAdminDisablesAMerchantThenTheirUnexpiredAccessAndRefreshTokensAreRefusedUntilEnabledAgain() {
        Merchant merchant = Merchant.signUp("disabled");
        assertThat(merchant.api().get("/api/v1/stores").status()).isEqualTo(200);

        Reply disabled = Fixtures.admin()
                .patch("/api/v1/admin/accounts/" + merchant.accountId(), Api.json("status", "disabled"));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.string("status")).isEqualTo("disabled");

        assertProblem(merchant.api().get("/api/v1/stores"), 403, "account_disabled");
        assertProblem(
                merchant.api().patch("/api/v1/stores/" + merchant.storeId(), Api.json("name", "Still mine")),
                403,
                "account_disabled");
        assertProblem(refresh(merchant.refreshToken()), 401, "invalid_refresh_token");
        assertProblem(signIn(merchant.email()), 403, "account_disabled");

        assertThat(Fixtures.admin()
                        .patch("/api/v1/admin/accounts/" + merchant.accountId(), Api.json("status", "active"))
                        .string("status"))
                .isEqualTo("active");
        Reply again = signIn(merchant.email());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(Api.server()
                        .bearer(again.string("access_token"))
                        .get("/api/v1/stores")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenAMerchantOrAPlatformAdminAccountIsTheTargetThenOnlyTheAdminDisablesAndNeverAPlatformAdmin() {
        Merchant merchant = Merchant.signUp("meddler");
        Merchant other = Merchant.signUp("victim");
        assertProblem(
                merchant.api().patch("/api/v1/admin/accounts/" + other.accountId(), Api.json("status", "disabled")),
                403,
                "forbidden");
        String adminId = Fixtures.adminLogin().getJsonObject("account").getString("id");
        assertProblem(
                Fixtures.admin().patch("/api/v1/admin/accounts/" + adminId, Api.json("status", "disabled")),
                403,
                "forbidden");
        assertProblem(
                Fixtures.admin().patch("/api/v1/admin/accounts/" + other.accountId(), Api.json("status", "gone")),
                400,
                "invalid_request");
        assertThat(other.api().get("/api/v1/stores").status()).isEqualTo(200);
    }

    @Test
    void whenPlatformAdminSuspendsAStoreThenNeitherItsMerchantNorItsSecretKeyCanResumeIt() {
        Merchant merchant = Merchant.signUp("suspended");
        String store = "/api/v1/stores/" + merchant.storeId();
        Reply secret = merchant.api().post(store + "/api-keys", Api.json("type", "secret", "label", "back end"));
        assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
        Api backend = Api.server().bearer(secret.string("key"));

        assertThat(Fixtures.admin()
                        .patch(store, Api.json("status", "suspended"))
                        .string("status"))
                .isEqualTo("suspended");
        assertProblem(merchant.api().patch(store, Api.json("status", "active")), 403, "forbidden");
        assertProblem(backend.patch(store, Api.json("status", "active")), 403, "forbidden");
        assertThat(merchant.api().patch(store, Api.json("status", "suspended")).status())
                .as("suspending it again is harmless")
                .isEqualTo(200);
        assertProblem(merchant.api().patch(store, Api.json("status", "active")), 403, "forbidden");
        assertThat(merchant.api().get(store).string("status")).isEqualTo("suspended");

        assertThat(Fixtures.admin().patch(store, Api.json("status", "active")).string("status"))
                .isEqualTo("active");
        assertThat(merchant.api().patch(store, Api.json("status", "suspended")).string("status"))
                .isEqualTo("suspended");
        assertThat(merchant.api().patch(store, Api.json("status", "active")).string("status"))
                .as("a merchant lifts their own suspension")
                .isEqualTo("active");
    }

    @Test
    void whenASecretKeyTriesToMintASecretKeyOrSwitchItsLiveStoreToTestThenForbiddenWhileItsMerchantCan() {
        Merchant merchant = Merchant.signUp("leaked");
        Reply live = merchant.api().post("/api/v1/stores", Api.json("name", "Live shop", "mode", "live"));
        assertThat(live.status()).as(live.toString()).isEqualTo(201);
        String store = "/api/v1/stores/" + live.string("id");
        Reply secret = merchant.api().post(store + "/api-keys", Api.json("type", "secret", "label", "back end"));
        assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
        Api backend = Api.server().bearer(secret.string("key"));

        assertProblem(backend.post(store + "/api-keys", Api.json("type", "secret", "label", "next")), 403, "forbidden");
        assertThat(backend.post(store + "/api-keys", Api.json("type", "publishable", "label", "web"))
                        .status())
                .isEqualTo(201);
        assertProblem(backend.patch(store, Api.json("mode", "test")), 403, "forbidden");
        assertThat(merchant.api().get(store).string("mode")).isEqualTo("live");
        assertThat(merchant.api().get(store + "/api-keys").items().stream()
                        .filter(key -> "secret".equals(key.asJsonObject().getString("type"))))
                .hasSize(1);

        assertThat(merchant.api()
                        .post(store + "/api-keys", Api.json("type", "secret", "label", "second"))
                        .status())
                .isEqualTo(201);
        assertThat(merchant.api().patch(store, Api.json("mode", "test")).string("mode"))
                .isEqualTo("test");
    }

    @Test
    void whenASecretKeyIsTheBearerThenTheManagementApiAcceptsItBesideMpJwtWhileRevokedKeysAndOtherTokensAreRefused() {
        Fixtures.StoreFixture store = Fixtures.newStore();
        Reply secret = Fixtures.admin().post(store.path("/api-keys"), Api.json("type", "secret", "label", "back end"));
        assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
        Api backend = Api.server().bearer(secret.string("key"));

        Reply read = backend.get(store.path(""));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.string("id")).isEqualTo(store.id());
        assertThat(backend.get(store.path("/customers")).status()).isEqualTo(200);

        assertProblem(Api.server().bearer("sk_" + "0".repeat(40)).get(store.path("")), 401, "unauthorized");
        String customer = CustomerSignInIT.register(store, CustomerSignInIT.unique("notstaff") + "@example.com")
                .string("access_token");
        assertProblem(Api.server().bearer(customer).get(store.path("")), 401, "unauthorized");
        assertProblem(
                Api.server().bearer(store.guest().getString("access_token")).get(store.path("")), 401, "unauthorized");

        assertThat(Fixtures.admin()
                        .delete(store.path("/api-keys/" + secret.string("id")))
                        .status())
                .isEqualTo(204);
        assertProblem(backend.get(store.path("")), 401, "unauthorized");
    }

    private static Reply refresh(String refreshToken) {
        return Api.server().post("/api/v1/accounts/token/refresh", Api.json("refresh_token", refreshToken));
    }

    private static Reply signIn(String email) {
        return Api.server()
                .post("/api/v1/accounts/login", Api.json("email", email, "password", MerchantAccountIT.PASSWORD));
    }

    /** A merchant who signed up and activated their account, with the tokens of that sign-in. */
    private record Merchant(String email, JsonObject signIn) {

        static Merchant signUp(String prefix) {
            String email = MerchantAccountIT.unique(prefix) + "@shop.example";
            assertThat(MerchantAccountIT.register(email, "Shop of " + prefix).status())
                    .isEqualTo(201);
            Reply activated = Api.server()
                    .post(
                            "/api/v1/accounts/activate",
                            Api.json(
                                    "email",
                                    email,
                                    "otp",
                                    MailServer.get().latest(email, 1).code()));
            assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
            return new Merchant(email, activated.json());
        }

        Api api() {
            return Api.server().bearer(signIn.getString("access_token"));
        }

        String refreshToken() {
            return signIn.getString("refresh_token");
        }

        String accountId() {
            return signIn.getJsonObject("account").getString("id");
        }

        String storeId() {
            return signIn.getJsonArray("stores").getJsonObject(0).getString("id");
        }
    }
}
