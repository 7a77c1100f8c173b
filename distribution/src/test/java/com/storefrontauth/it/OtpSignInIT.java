package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.PASSWORD;
import static com.storefrontauth.it.CustomerSignInIT.register;
import static com.storefrontauth.it.CustomerSignInIT.unique;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import com.storefrontauth.it.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Passwordless sign-in and every code-based step over real channels: codes are read from the mail the
 * GreenMail server received or the body the webhook receiver accepted (after checking its HMAC).
 */
class OtpSignInIT {

    private static final MailServer MAIL = MailServer.get();
    private static final WebhookReceiver WEBHOOK = WebhookReceiver.get();

    @Test
    void whenKnownEmailSignsInWithCodeThenTokensAndEmailVerifiedAndCodeIsSingleUse() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("otp") + "@example.com";
        register(store, email);

        Reply started = store.storefront().post(store.path("/auth/login/email"), Api.json("email", email));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        JsonObject challenge = started.json();
        assertThat(challenge.getString("status")).isEqualTo("otp_required");
        assertThat(challenge.getString("otp_token")).startsWith("otp_");
        assertThat(challenge.getString("otp_action")).isEqualTo("login");
        assertThat(challenge.getString("channel")).isEqualTo("email");
        assertThat(challenge.getString("destination")).isEqualTo("o\u2022\u2022\u2022@example.com");
        assertThat(challenge.getInt("expires_in")).isBetween(295, 300);
        assertThat(challenge.getInt("resend_after")).isEqualTo(60);
        assertThat(challenge.containsKey("otp"))
                .as("no echo without X-Debug-Mode")
                .isFalse();

        MailServer.Mail mail = MAIL.latest(email, 1);
        assertThat(mail.subject()).contains("sign-in code");
        assertThat(mail.body()).contains("IT store").contains("5 minutes");
        Reply verified = verify(store, challenge.getString("otp_token"), mail.code(), "login");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().getString("status")).isEqualTo("authenticated");
        assertThat(verified.json().getJsonObject("user").getBoolean("is_email_verified"))
                .isTrue();

        assertProblem(verify(store, challenge.getString("otp_token"), mail.code(), "login"), 401, "otp_expired");
        assertThat(MAIL.await(email, 1)).hasSize(1);
        assertThat(RunningServer.get().log()).doesNotContain(mail.code() + " is your");
        String metrics = Api.server().get("/metrics").body();
        assertThat(metrics)
                .containsPattern("auth_events_total\\{[^}]*type=\"otp_sent\"[^}]*} [1-9]")
                .containsPattern("auth_events_total\\{[^}]*type=\"otp_verified\"[^}]*} [1-9]");
    }

    @Test
    void whenWrongCodesThenAttemptsCountDownAndTheLastBurnsTheChallenge() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("burn") + "@example.com";
        register(store, email);
        String token = start(store, "email", email).getString("otp_token");
        String code = MAIL.latest(email, 1).code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int remaining = 4; remaining >= 0; remaining--) {
            Reply refused = verify(store, token, wrong, "login");
            assertProblem(refused, 401, "invalid_otp");
            assertThat(refused.json().getInt("attempts_remaining")).isEqualTo(remaining);
        }
        assertProblem(verify(store, token, code, "login"), 401, "otp_expired");
    }

    @Test
    void whenEmailIsUnknownThenTheChallengeLooksTheSameButNothingIsSentAndNoCodeVerifies() {
        StoreFixture store = Fixtures.newStore();
        String known = unique("known") + "@example.com";
        register(store, known);
        String unknown = unique("ghost") + "@example.com";
        JsonObject real = start(store, "email", known);
        JsonObject decoy = start(store, "email", unknown);
        assertThat(decoy.keySet()).isEqualTo(real.keySet());
        assertThat(decoy.getString("otp_action")).isEqualTo("login");
        assertThat(decoy.getInt("resend_after")).isEqualTo(real.getInt("resend_after"));
        MAIL.await(known, 1);
        assertThat(MAIL.to(unknown)).isEmpty();
        Reply refused = verify(store, decoy.getString("otp_token"), "123456", "login");
        assertProblem(refused, 401, "invalid_otp");
        assertThat(refused.json().getInt("attempts_remaining")).isEqualTo(4);
    }

    @Test
    void whenLookAlikeEmailSignsInThenTheRealAccountReceivesNothingAndIsNotReached() {
        StoreFixture store = Fixtures.newStore();
        String local = unique("alice");
        String real = local + "@example.com";
        String lookAlike = local.replace('i', '\u0131') + "@example.com";
        register(store, real);
        JsonObject decoy = start(store, "email", lookAlike);
        assertThat(decoy.getString("otp_action")).isEqualTo("login");
        assertThat(decoy.getString("destination")).doesNotContain(local.substring(1));
        JsonObject genuine = start(store, "email", real);
        String realCode = MAIL.latest(real, 1).code();
        Reply refused = verify(store, decoy.getString("otp_token"), realCode, "login");
        assertProblem(refused, 401, "invalid_otp");
        assertThat(MAIL.to(real)).hasSize(1);
        assertThat(MAIL.to(lookAlike)).isEmpty();
        assertThat(verify(store, genuine.getString("otp_token"), realCode, "login")
                        .json()
                        .getJsonObject("user")
                        .getString("email"))
                .isEqualTo(real);
    }

    @Test
    void whenUnknownEmailAsksToRegisterThenVerifyCreatesTheCustomerWithNames() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("new") + "@example.com";
        JsonObject challenge = store.storefront()
                .post(store.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true))
                .json();
        assertThat(challenge.getString("otp_action")).isEqualTo("register");
        Reply created = store.storefront()
                .post(
                        store.path("/auth/otp/verify"),
                        Api.json(
                                "otp_token",
                                challenge.getString("otp_token"),
                                "otp",
                                MAIL.latest(email, 1).code(),
                                "otp_action",
                                "register",
                                "first_name",
                                "Ada",
                                "last_name",
                                "Lovelace"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonObject user = created.json().getJsonObject("user");
        assertThat(user.getString("first_name")).isEqualTo("Ada");
        assertThat(user.getBoolean("is_email_verified")).isTrue();
        assertThat(user.getJsonArray("login_methods").getString(0)).isEqualTo("email_otp");
        assertProblem(register(store, email), 409, "account_exists");
    }

    @Test
    void whenPhoneSignsInBySmsThenTheSignedWebhookCarriesTheCodeAndItVerifies() {
        StoreFixture store = Fixtures.newStore();
        String phone = phone();
        Reply registered =
                store.storefront().post(store.path("/auth/register"), Api.json("phone", phone, "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        JsonObject challenge = store.storefront()
                .post(store.path("/auth/login/phone"), Api.json("phone", phone))
                .json();
        assertThat(challenge.getString("channel")).isEqualTo("sms");
        assertThat(challenge.getString("destination"))
                .doesNotContain(phone.substring(3, 9))
                .endsWith(phone.substring(11));
        JsonObject message = WEBHOOK.await(phone, 1).get(0);
        assertThat(message.getString("channel")).isEqualTo("sms");
        assertThat(message.getString("store_id")).isEqualTo(store.id());
        assertThat(message.getString("message_id")).startsWith("msg_");
        assertThat(message.getString("text"))
                .startsWith(message.getString("otp") + " is your ")
                .contains("IT store");
        Reply verified = verify(store, challenge.getString("otp_token"), message.getString("otp"), "login");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().getJsonObject("user").getBoolean("is_phone_verified"))
                .isTrue();
        assertThat(WEBHOOK.badSignatures()).isZero();
    }

    @Test
    void whenWhatsappIsOffThenMethodDisabledAndWhenOnThenCodeGoesByWhatsapp() {
        StoreFixture store = Fixtures.newStore();
        String phone = phone();
        assertProblem(
                store.storefront().post(store.path("/auth/login/whatsapp"), Api.json("phone", phone)),
                403,
                "login_method_disabled");
        store.policy("whatsapp_otp_login", true);
        JsonObject challenge = store.storefront()
                .post(store.path("/auth/login/whatsapp"), Api.json("phone", phone, "register_if_not_exists", true))
                .json();
        assertThat(challenge.getString("channel")).isEqualTo("whatsapp");
        JsonObject message = WEBHOOK.await(phone, 1).get(0);
        assertThat(message.getString("channel")).isEqualTo("whatsapp");
        assertThat(verify(store, challenge.getString("otp_token"), message.getString("otp"), "register")
                        .status())
                .isEqualTo(200);
        store.policy("email_otp_login", false);
        assertProblem(
                store.storefront().post(store.path("/auth/login/email"), Api.json("email", "a@example.com")),
                403,
                "login_method_disabled");
    }

    @Test
    void whenActionOrStoreDoesNotMatchThenRefusedAndTheCodeStillWorksWhereItBelongs() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        String email = unique("bound") + "@example.com";
        register(store, email);
        String token = start(store, "email", email).getString("otp_token");
        String code = MAIL.latest(email, 1).code();
        assertProblem(verify(store, token, code, "register"), 401, "otp_expired");
        assertProblem(verify(store, token, code, "reset_password"), 400, "invalid_request");
        assertProblem(verify(other, token, code, "login"), 401, "otp_expired");
        assertProblem(verify(store, token, code, "activate_account"), 400, "invalid_request");
        assertThat(verify(store, token, code, "login").status()).isEqualTo(200);
    }

    @Test
    void whenResendInsideCooldownThenRateLimitedAndAfterItTheOldCodeStopsWorking() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("resend") + "@example.com";
        register(store, email);
        String token = start(store, "email", email).getString("otp_token");
        String first = MAIL.latest(email, 1).code();
        Reply early = store.storefront().post(store.path("/auth/otp/resend"), Api.json("otp_token", token));
        assertProblem(early, 429, "rate_limited");
        assertThat(Integer.parseInt(early.header("Retry-After"))).isBetween(1, 60);

        PlatformLimitsIT.allowNoCooldown();
        store.policy("otp_resend_cooldown_seconds", 0);
        Reply resent = store.storefront().post(store.path("/auth/otp/resend"), Api.json("otp_token", token));
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(resent.json().getString("otp_token")).isEqualTo(token);
        String second = MAIL.latest(email, 2).code();
        if (!second.equals(first)) {
            assertProblem(verify(store, token, first, "login"), 401, "invalid_otp");
        }
        assertThat(verify(store, token, second, "login").status()).isEqualTo(200);
    }

    @Test
    void whenTooManyCodesToOneAddressThenRateLimitedWithRetryAfter() {
        StoreFixture store = Fixtures.newStore();
        PlatformLimitsIT.allowNoCooldown();
        store.policy("otp_resend_cooldown_seconds", 0, "otp_max_sends_per_hour", 2);
        String email = unique("cap") + "@example.com";
        start(store, "email", email);
        start(store, "email", email);
        Reply third = store.storefront().post(store.path("/auth/login/email"), Api.json("email", email));
        assertProblem(third, 429, "rate_limited");
        assertThat(Integer.parseInt(third.header("Retry-After"))).isBetween(3000, 3601);
        assertThat(start(store, "email", unique("other") + "@example.com").getString("status"))
                .isEqualTo("otp_required");
    }

    @Test
    void whenTestStoreAsksForDebugThenCodeIsEchoedButALiveStoreNeverEchoes() {
        StoreFixture test = Fixtures.newStore("test");
        String email = unique("echo") + "@example.com";
        JsonObject echoed = test.storefront()
                .with("X-Debug-Mode", "true")
                .post(test.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true))
                .json();
        assertThat(echoed.getString("otp")).isEqualTo(MAIL.latest(email, 1).code());

        StoreFixture live = Fixtures.newStore("live");
        JsonObject silent = live.storefront()
                .with("X-Debug-Mode", "true")
                .post(live.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true))
                .json();
        assertThat(silent.getString("status")).isEqualTo("otp_required");
        assertThat(silent.containsKey("otp")).isFalse();
    }

    @Test
    void whenPasswordIsResetByCodeThenOldSessionsEndAndOnlyTheNewPasswordWorks() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("reset") + "@example.com";
        String oldRefresh = register(store, email).string("refresh_token");
        JsonObject challenge = store.storefront()
                .post(store.path("/auth/password/forgot"), Api.json("email", email))
                .json();
        assertThat(challenge.getString("otp_action")).isEqualTo("reset_password");
        String code = MAIL.latest(email, 1).code();
        assertProblem(
                store.storefront()
                        .post(
                                store.path("/auth/otp/verify"),
                                Api.json(
                                        "otp_token",
                                        challenge.getString("otp_token"),
                                        "otp",
                                        code,
                                        "otp_action",
                                        "reset_password",
                                        "new_password",
                                        "password")),
                422,
                "weak_password");
        Reply reset = store.storefront()
                .post(
                        store.path("/auth/otp/verify"),
                        Api.json(
                                "otp_token",
                                challenge.getString("otp_token"),
                                "otp",
                                code,
                                "otp_action",
                                "reset_password",
                                "new_password",
                                "a completely new secret 9"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().getString("access_token")).isNotBlank();
        assertProblem(
                store.storefront().post(store.path("/auth/token/refresh"), Api.json("refresh_token", oldRefresh)),
                401,
                "invalid_refresh_token");
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD)),
                401,
                "invalid_credentials");
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", "a completely new secret 9"))
                        .status())
                .isEqualTo(200);

        String ghost = unique("nobody") + "@example.com";
        JsonObject decoy = store.storefront()
                .post(store.path("/auth/password/forgot"), Api.json("email", ghost))
                .json();
        assertThat(decoy.keySet()).isEqualTo(challenge.keySet());
        assertThat(decoy.getString("otp_action")).isEqualTo("reset_password");
        assertThat(MAIL.to(ghost)).isEmpty();
    }

    @Test
    void whenStoreRequiresCodeAfterPasswordThenLoginAnswersAChallengeThatCompletesTheSignIn() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("twostep") + "@example.com";
        register(store, email);
        store.policy("otp_after_password", true);
        Reply step = CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD));
        assertThat(step.status()).as(step.toString()).isEqualTo(200);
        assertThat(step.json().getString("status")).isEqualTo("otp_required");
        assertThat(step.json().containsKey("access_token")).isFalse();
        assertThat(step.json().getString("otp_action")).isEqualTo("login");
        Reply done =
                verify(store, step.string("otp_token"), MAIL.latest(email, 1).code(), "login");
        assertThat(done.json().getString("status")).isEqualTo("authenticated");
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", email, "password", "wrong password 77")),
                401,
                "invalid_credentials");
    }

    @Test
    void whenStoreRequiresVerifiedContactThenRegisterAnswersAVerifyChallengeAndSignInWaitsForIt() {
        StoreFixture store = Fixtures.newStore();
        store.policy("require_verified_contact", true);
        String email = unique("verify") + "@example.com";
        Reply registered = register(store, email);
        assertThat(registered.json().getString("status")).isEqualTo("otp_required");
        assertThat(registered.json().getString("otp_action")).isEqualTo("verify");
        assertProblem(register(store, email), 409, "account_exists");
        Reply done = verify(
                store, registered.string("otp_token"), MAIL.latest(email, 1).code(), "verify");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getJsonObject("user").getBoolean("is_email_verified"))
                .isTrue();
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", PASSWORD))
                        .json()
                        .getString("status"))
                .isEqualTo("authenticated");
    }

    @Test
    void whenCustomerChangesEmailThenTheCodeGoesToTheNewAddressAndNeedsTheirBearerToken() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("move") + "@example.com";
        String taken = unique("taken") + "@example.com";
        register(store, taken);
        Api me = store.storefront().bearer(register(store, email).string("access_token"));
        assertProblem(me.post(store.path("/customers/me/contact"), Api.json("email", taken)), 409, "account_exists");
        String moved = unique("moved") + "@example.com";
        JsonObject challenge = me.post(store.path("/customers/me/contact"), Api.json("email", moved))
                .json();
        assertThat(challenge.getString("otp_action")).isEqualTo("update_email");
        String code = MAIL.latest(moved, 1).code();
        assertThat(MAIL.to(email)).isEmpty();
        assertProblem(verify(store, challenge.getString("otp_token"), code, "update_email"), 401, "unauthorized");
        Reply changed = me.post(
                store.path("/auth/otp/verify"),
                Api.json("otp_token", challenge.getString("otp_token"), "otp", code, "otp_action", "update_email"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getJsonObject("user").getString("email")).isEqualTo(moved);
        assertThat(me.get(store.path("/customers/me")).json().getBoolean("is_email_verified"))
                .isTrue();
        assertThat(CustomerSignInIT.login(store, Api.json("email", moved, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenACodeAskedForWithABearerIsUsedWithoutItThenTheContactIsConfirmedButNobodyIsSignedIn() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("confirm") + "@example.com";
        Api me = store.storefront().bearer(register(store, email).string("access_token"));
        JsonObject challenge = me.post(store.path("/customers/me/verify"), Api.json("channel", "email"))
                .json();
        assertThat(challenge.getString("otp_action")).isEqualTo("verify");

        Reply anonymous = verify(
                store, challenge.getString("otp_token"), MAIL.latest(email, 1).code(), "verify");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.json().getString("status")).isEqualTo("verified");
        assertThat(anonymous.json().containsKey("access_token")).isFalse();
        assertThat(anonymous.json().containsKey("refresh_token")).isFalse();
        assertThat(me.get(store.path("/customers/me")).json().getBoolean("is_email_verified"))
                .isTrue();
    }

    @Test
    void whenPasswordlessCustomerVerifiesThenACodeErasesTheAccount() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("erase") + "@example.com";
        JsonObject challenge = start(store, "email", email, true);
        JsonObject signedIn = verify(
                        store,
                        challenge.getString("otp_token"),
                        MAIL.latest(email, 1).code(),
                        "register")
                .json();
        Api me = store.storefront().bearer(signedIn.getString("access_token"));
        PlatformLimitsIT.allowNoCooldown();
        store.policy("otp_resend_cooldown_seconds", 0);
        JsonObject verifyChallenge = me.post(store.path("/customers/me/verify"), Api.json("channel", "email"))
                .json();
        assertThat(verifyChallenge.getString("otp_action")).isEqualTo("verify");
        assertProblem(me.post(store.path("/customers/me/verify"), Api.json("channel", "sms")), 400, "invalid_request");
        String code = MAIL.latest(email, 2).code();
        assertProblem(
                me.send("DELETE", store.path("/customers/me"), Api.json("password", "not set"), "application/json"),
                400,
                "invalid_request");
        Reply erased = me.send(
                "DELETE",
                store.path("/customers/me"),
                Api.json("otp_token", verifyChallenge.getString("otp_token"), "otp", code),
                "application/json");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertProblem(me.get(store.path("/customers/me")), 401, "unauthorized");
    }

    static JsonObject start(StoreFixture store, String channel, String address) {
        return start(store, channel, address, false);
    }

    static JsonObject start(StoreFixture store, String channel, String address, boolean register) {
        String field = channel.equals("email") ? "email" : "phone";
        Reply reply = store.storefront()
                .post(
                        store.path("/auth/login/" + channel),
                        Api.json(field, address, "register_if_not_exists", register));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static Reply verify(StoreFixture store, String token, String code, String action) {
        return store.storefront()
                .post(store.path("/auth/otp/verify"), Api.json("otp_token", token, "otp", code, "otp_action", action));
    }

    /** A fresh valid Indian mobile number in E.164. */
    static String phone() {
        return "+9198" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
