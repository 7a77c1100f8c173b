package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The merchant account lifecycle: sign-up with a first store, activation by an emailed code, the
 * sign-in rules of an inactive account, and what an activated merchant may (and may not) see.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerchantAccountIT {

    private static final MailServer MAIL = MailServer.get();
    static final String PASSWORD = "merchant secret passphrase 3";
    /** Registered first and left inactive: its rules need the 60 s since the last code to pass. */
    private static String waiting;

    private static Instant waitingSince;

    @BeforeAll
    static void registerTheWaitingMerchant() {
        waiting = unique("waiting") + "@shop.example";
        assertThat(register(waiting, "Waiting Shop").status()).isEqualTo(201);
        waitingSince = Instant.now();
    }

    @Test
    @Order(1)
    void whenMerchantRegistersThenCodeIsEmailedAndActivationSignsInWithTheFirstStore() {
        String email = unique("owner") + "@shop.example";
        Reply registered = register(email, "Luxmart");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().getString("message")).isNotBlank();
        assertProblem(register(email, "Second try"), 409, "account_exists");

        MailServer.Mail mail = MAIL.latest(email, 1);
        assertThat(mail.subject()).contains("Activate");
        assertThat(mail.body()).contains("Luxmart").contains("15 minutes");
        String code = mail.code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        Reply refused = Api.server().post("/api/v1/accounts/activate", Api.json("email", email, "otp", wrong));
        assertProblem(refused, 401, "invalid_otp");
        assertThat(refused.json().getInt("attempts_remaining")).isEqualTo(4);

        Reply activated = Api.server().post("/api/v1/accounts/activate", Api.json("email", email, "otp", code));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        JsonObject body = activated.json();
        assertThat(body.getString("access_token")).isNotBlank();
        assertThat(body.getJsonObject("account").getString("role")).isEqualTo("merchant");
        JsonArray stores = body.getJsonArray("stores");
        assertThat(stores).hasSize(1);
        assertThat(stores.getJsonObject(0).getString("name")).isEqualTo("Luxmart");
        assertThat(stores.getJsonObject(0).getString("mode")).isEqualTo("test");
        assertProblem(
                Api.server().post("/api/v1/accounts/activate", Api.json("email", email, "otp", code)),
                401,
                "otp_expired");

        Reply login = Api.server().post("/api/v1/accounts/login", Api.json("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void whenActivatedMerchantManagesThenOnlyTheirOwnStoreIsVisibleAndOwnerSignInWorksOnItsStorefront() {
        String email = unique("tenant") + "@shop.example";
        register(email, "Tenant Shop");
        JsonObject merchant = Api.server()
                .post(
                        "/api/v1/accounts/activate",
                        Api.json("email", email, "otp", MAIL.latest(email, 1).code()))
                .json();
        String storeId = merchant.getJsonArray("stores").getJsonObject(0).getString("id");
        Api api = Api.server().bearer(merchant.getString("access_token"));

        JsonArray visible = api.get("/api/v1/stores").json().getJsonArray("items");
        assertThat(visible).hasSize(1);
        Fixtures.StoreFixture foreign = Fixtures.newStore();
        assertProblem(api.get("/api/v1/stores/" + foreign.id()), 404, "not_found");
        assertProblem(api.get("/api/v1/stores/" + foreign.id() + "/outbox"), 404, "not_found");

        Reply key =
                api.post("/api/v1/stores/" + storeId + "/api-keys", Api.json("type", "publishable", "label", "web"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        Reply owner = Api.server()
                .with("X-Storefront-Api-Key", key.string("key"))
                .post(
                        "/api/v1/stores/" + storeId + "/auth/login",
                        Api.json("email", email, "password", PASSWORD, "login_as", "owner"));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.json().getJsonObject("account").getString("email")).isEqualTo(email);

        JsonArray outbox =
                api.get("/api/v1/stores/" + storeId + "/outbox").json().getJsonArray("items");
        assertThat(outbox).isNotEmpty();
        assertThat(outbox.getJsonObject(0).getString("to")).isEqualTo(email);
        assertThat(outbox.getJsonObject(0).getString("otp")).matches("\\d{6}");
        assertProblem(Fixtures.admin().get(Fixtures.newStore("live").path("/outbox")), 403, "forbidden");
    }

    @Test
    @Order(3)
    void whenInactiveAccountSignsInThenWrongPasswordIs401RecentCodeIs429AndLaterANewCodeIs403() {
        assertProblem(
                Api.server().post("/api/v1/accounts/login", Api.json("email", waiting, "password", "wrong one 123")),
                401,
                "invalid_credentials");
        Reply tooSoon = Api.server().post("/api/v1/accounts/login", Api.json("email", waiting, "password", PASSWORD));
        assertProblem(tooSoon, 429, "rate_limited");
        assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 60);
        assertThat(MAIL.to(waiting)).hasSize(1);

        Duration left = Duration.ofSeconds(61).minus(Duration.between(waitingSince, Instant.now()));
        if (!left.isNegative()) {
            sleep(left);
        }
        Reply notActive = Api.server().post("/api/v1/accounts/login", Api.json("email", waiting, "password", PASSWORD));
        assertProblem(notActive, 403, "account_not_active");
        MailServer.Mail fresh = MAIL.latest(waiting, 2);
        String first = MAIL.to(waiting).get(0).code();
        if (!first.equals(fresh.code())) {
            assertProblem(
                    Api.server().post("/api/v1/accounts/activate", Api.json("email", waiting, "otp", first)),
                    401,
                    "invalid_otp");
        }
        assertThat(Api.server()
                        .post("/api/v1/accounts/activate", Api.json("email", waiting, "otp", fresh.code()))
                        .status())
                .isEqualTo(200);
    }

    static Reply register(String email, String storeName) {
        return Api.server()
                .post(
                        "/api/v1/accounts/register",
                        Api.json("email", email, "password", PASSWORD, "name", "Merchant", "store_name", storeName));
    }

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
