package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.register;
import static com.storefrontauth.it.CustomerSignInIT.unique;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS pumping and one tenant starving the others, tried as a merchant would: policies past the platform's
 * limits, one address fed codes from many stores, a store's daily codes, a signed-in customer spraying
 * codes, and a victim locked out of their own codes by someone else's wrong guesses.
 */
class PlatformLimitsIT {

    private static final String SETTINGS = "/api/v1/admin/settings";
    private static final String DEFAULTS = Api.json(
            "max_ip_rate_limit_per_minute",
            600,
            "max_otp_max_sends_per_hour",
            10,
            "min_otp_resend_cooldown_seconds",
            30,
            "max_otp_max_attempts",
            10,
            "min_otp_length",
            6,
            "store_daily_email_codes",
            10000,
            "store_daily_sms_codes",
            1000,
            "store_daily_whatsapp_codes",
            1000,
            "destination_codes_per_hour",
            10,
            "audit_retention_days",
            90);
    private static final MailServer MAIL = MailServer.get();

    /** The settings are the whole platform's: each test here starts from the defaults and leaves them so. */
    @BeforeEach
    @AfterEach
    void restoreDefaults() {
        settings(DEFAULTS);
    }

    /** For tests of other rules that resend at once: lets a store set no cooldown (nothing here relies on it). */
    static void allowNoCooldown() {
        settings(Api.json("min_otp_resend_cooldown_seconds", 0));
    }

    @Test
    void whenThePlatformAdminSetsTheAuditRetentionThenItReadsBackAndOnlyADayToTenYearsIsAccepted() {
        assertThat(Fixtures.admin().get(SETTINGS).json().getInt("audit_retention_days"))
                .as("the default, shown with the other settings")
                .isEqualTo(90);

        for (int refusedDays : new int[] {0, 3651}) {
            Reply refused = Fixtures.admin().put(SETTINGS, Api.json("audit_retention_days", refusedDays));
            assertProblem(refused, 400, "invalid_request");
            assertThat(refused.json().getJsonObject("errors").keySet()).containsExactly("audit_retention_days");
        }
        assertProblem(merchant().put(SETTINGS, Api.json("audit_retention_days", 1)), 403, "forbidden");

        assertThat(settings(Api.json("audit_retention_days", 365)).getInt("audit_retention_days"))
                .isEqualTo(365);
        assertThat(Fixtures.admin().get(SETTINGS).json().getInt("audit_retention_days"))
                .isEqualTo(365);
    }

    @Test
    void whenAMerchantSetsLimitsPastTheCeilingsThenEachFieldIsRefusedUntilThePlatformAdminRaisesThem() {
        Api merchant = merchant();
        String store = merchant.post("/api/v1/stores", Api.json("name", "Pumping Shop", "mode", "live"))
                .string("id");
        String policy = "/api/v1/stores/" + store + "/login-policy";
        String pumping = Api.json(
                "ip_rate_limit_per_minute",
                100000,
                "otp_max_sends_per_hour",
                1000,
                "otp_resend_cooldown_seconds",
                0,
                "otp_max_attempts",
                20,
                "otp_length",
                4);

        Reply refused = merchant.put(policy, pumping);

        assertProblem(refused, 400, "invalid_request");
        assertThat(refused.json().getJsonObject("errors").keySet())
                .containsExactlyInAnyOrder(
                        "ip_rate_limit_per_minute",
                        "otp_max_sends_per_hour",
                        "otp_resend_cooldown_seconds",
                        "otp_max_attempts",
                        "otp_length");
        assertThat(refused.json()
                        .getJsonObject("errors")
                        .getJsonArray("ip_rate_limit_per_minute")
                        .getString(0))
                .contains("platform limit max_ip_rate_limit_per_minute");
        assertProblem(merchant.get(SETTINGS), 403, "forbidden");
        assertProblem(merchant.put(SETTINGS, Api.json("max_ip_rate_limit_per_minute", 100000)), 403, "forbidden");
        assertThat(merchant.get(policy).json().getInt("ip_rate_limit_per_minute"))
                .isEqualTo(60);

        JsonObject raised = settings(Api.json("max_ip_rate_limit_per_minute", 100000));
        assertThat(raised.getInt("max_ip_rate_limit_per_minute")).isEqualTo(100000);
        assertThat(raised.getInt("max_otp_max_sends_per_hour"))
                .as("the others keep their value")
                .isEqualTo(10);
        assertThat(Fixtures.admin().get(SETTINGS).json()).isEqualTo(raised);
        Reply allowed = merchant.put(policy, Api.json("ip_rate_limit_per_minute", 100000));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);

        settings(Api.json("max_ip_rate_limit_per_minute", 600));
        assertThat(merchant.get(policy).json().getInt("ip_rate_limit_per_minute"))
                .as("a lowered ceiling holds the stored value back when read")
                .isEqualTo(600);
        assertProblem(
                Fixtures.admin().put(SETTINGS, Api.json("max_ip_rate_limit_per_minute", 0, "nonsense", 1)),
                400,
                "invalid_request");
    }

    @Test
    void whenThePlatformAdminGrantsOneStoreMoreThanTheCeilingsThenThatStoreAloneKeepsItWhateverTheCeilings() {
        Api merchant = merchant();
        String granted = merchant.post("/api/v1/stores", Api.json("name", "Granted Shop", "mode", "live"))
                .string("id");
        String other = merchant.post("/api/v1/stores", Api.json("name", "Plain Shop", "mode", "live"))
                .string("id");
        String policy = "/api/v1/stores/" + granted + "/login-policy";

        Reply grant =
                Fixtures.admin().put(policy, Api.json("ip_rate_limit_per_minute", 100000, "lockout_threshold", 1000));

        assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
        assertThat(grant.json().getInt("ip_rate_limit_per_minute")).isEqualTo(100000);
        assertProblem(
                merchant.put("/api/v1/stores/" + other + "/login-policy", Api.json("ip_rate_limit_per_minute", 100000)),
                400,
                "invalid_request");
        Reply formSaved = merchant.put(policy, Api.json("ip_rate_limit_per_minute", 100000, "password_login", false));
        assertThat(formSaved.status())
                .as("the merchant saving the form with the granted value unchanged: %s", formSaved)
                .isEqualTo(200);
        settings(Api.json("max_ip_rate_limit_per_minute", 300));
        assertThat(merchant.get(policy).json().getInt("ip_rate_limit_per_minute"))
                .as("a ceiling lowered later does not take the grant back")
                .isEqualTo(100000);
        settings(Api.json("max_ip_rate_limit_per_minute", 600));
        assertProblem(merchant.put(policy, Api.json("ip_rate_limit_per_minute", 90000)), 400, "invalid_request");
        JsonObject audited = Fixtures.admin()
                .get("/api/v1/stores/" + granted + "/events?type=login_policy_updated")
                .items()
                .getJsonObject(1)
                .getJsonObject("details");
        assertThat(audited.getString("platform_grants")).isEqualTo("ip_rate_limit_per_minute");

        Reply lowered = merchant.put(policy, Api.json("ip_rate_limit_per_minute", 200));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        settings(Api.json("max_ip_rate_limit_per_minute", 100));
        assertThat(merchant.get(policy).json().getInt("ip_rate_limit_per_minute"))
                .as("once the merchant changed the field, the grant is over and the ceiling holds it back")
                .isEqualTo(100);
        settings(Api.json("max_ip_rate_limit_per_minute", 600));
    }

    @Test
    void whenALoweredCeilingIsInForceThenTheStorefrontAnswersByIt() {
        StoreFixture store = Fixtures.newStore();
        settings(Api.json("max_ip_rate_limit_per_minute", 1000));
        store.policy("ip_rate_limit_per_minute", 1000);
        settings(Api.json("max_ip_rate_limit_per_minute", 5));

        Reply guest = store.storefront().post(store.path("/auth/anonymous"));

        assertThat(guest.header("X-RateLimit-Limit")).isEqualTo("5");
    }

    @Test
    void whenOneAddressAsksManyStoresForCodesThenThePlatformCapCountsThemTogether() {
        settings(Api.json("destination_codes_per_hour", 3));
        String email = unique("pumped") + "@example.com";
        for (int i = 0; i < 3; i++) {
            StoreFixture store = Fixtures.newStore();
            Reply sent = store.storefront()
                    .post(store.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }
        StoreFixture fourth = Fixtures.newStore();

        Reply refused = fourth.storefront()
                .post(fourth.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true));

        assertProblem(refused, 429, "rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(3000, 3601);
        assertThat(MAIL.await(email, 3)).hasSize(3);
        Reply other = fourth.storefront()
                .post(
                        fourth.path("/auth/login/email"),
                        Api.json("email", unique("other") + "@example.com", "register_if_not_exists", true));
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
    }

    @Test
    void whenAStoreHasSentItsDailyCodesByEmailThenItsNextIsRefusedWhileAnotherStoreSendsOn() {
        settings(Api.json("store_daily_email_codes", 2));
        StoreFixture store = Fixtures.newStore();
        for (int i = 0; i < 2; i++) {
            Reply sent = store.storefront()
                    .post(
                            store.path("/auth/login/email"),
                            Api.json("email", unique("daily") + "@example.com", "register_if_not_exists", true));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }

        Reply refused = store.storefront()
                .post(
                        store.path("/auth/login/email"),
                        Api.json("email", unique("daily") + "@example.com", "register_if_not_exists", true));

        assertProblem(refused, 429, "rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(86000, 86401);
        StoreFixture other = Fixtures.newStore();
        assertThat(other.storefront()
                        .post(
                                other.path("/auth/login/email"),
                                Api.json("email", unique("daily") + "@example.com", "register_if_not_exists", true))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenASignedInCustomerSpraysContactChangesThenTheyAreThrottled() {
        StoreFixture store = Fixtures.newStore();
        String token = register(store, unique("spray") + "@example.com").json().getString("access_token");
        Api me = store.storefront().bearer(token);
        List<Integer> statuses = new ArrayList<>();
        Reply refused = null;
        // three a minute: seven in a row cannot all pass, even across a window's edge
        for (int i = 0; i < 7; i++) {
            Reply reply =
                    me.post(store.path("/customers/me/contact"), Api.json("email", unique("new") + "@example.com"));
            statuses.add(reply.status());
            refused = reply.status() == 429 ? reply : refused;
        }

        assertThat(statuses).as(statuses.toString()).containsOnly(200, 429).contains(429);
        assertProblem(refused, 429, "rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void whenAnAttackerEntersWrongCodesForAVictimThenTheVictimCanStillAskForACode() {
        allowNoCooldown();
        StoreFixture store = Fixtures.newStore();
        store.policy("otp_max_attempts", 3, "otp_resend_cooldown_seconds", 0, "otp_max_sends_per_hour", 10);
        String victim = unique("victim") + "@example.com";
        assertThat(register(store, victim).status()).isEqualTo(200);
        // 3 + 3 + 3 + 1 wrong codes: ten, the whole failure budget of three attempts a code
        int wrong = 0;
        while (wrong < 10) {
            String token = OtpSignInIT.start(store, "email", victim).getString("otp_token");
            for (int i = 0; i < 3 && wrong < 10; i++, wrong++) {
                assertProblem(OtpSignInIT.verify(store, token, "000000", "login"), 401, "invalid_otp");
            }
        }
        String attackers = OtpSignInIT.start(store, "email", victim).getString("otp_token");
        assertProblem(OtpSignInIT.verify(store, attackers, "000000", "login"), 429, "too_many_attempts");

        Reply owner = store.storefront().post(store.path("/auth/login/email"), Api.json("email", victim));

        assertThat(owner.status())
                .as("starting a code is never refused for wrong codes: " + owner)
                .isEqualTo(200);
        assertThat(MAIL.await(victim, 6)).as("the owner's code was sent").hasSize(6);
    }

    private static JsonObject settings(String body) {
        Reply reply = Fixtures.admin().put(SETTINGS, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static Api merchant() {
        String email = MerchantAccountIT.unique("limits") + "@shop.example";
        assertThat(MerchantAccountIT.register(email, "Limits Shop").status()).isEqualTo(201);
        Reply activated = Api.server()
                .post(
                        "/api/v1/accounts/activate",
                        Api.json("email", email, "otp", MAIL.latest(email, 1).code()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return Api.server().bearer(activated.json().getString("access_token"));
    }
}
