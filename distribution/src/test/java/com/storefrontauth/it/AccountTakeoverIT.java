package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.unique;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Pre-account takeover: an attacker registers an address they do not control and waits for its owner.
 * Proving an address by code must give its owner nothing the attacker set up: the proof claims an account
 * nobody had proved anything on (the attacker's password and sessions end), and an account with another
 * proved contact gives the unproved address up instead of receiving its owner.
 */
class AccountTakeoverIT {

    private static final String ATTACKER_PASSWORD = "attacker chosen words 9";

    @Test
    void whenTheOwnerSignsInByCodeToAnAccountAnAttackerRegisteredThenTheAttackersPasswordAndSessionEnd() {
        StoreFixture store = Fixtures.newStore();
        String victim = unique("victim") + "@example.com";
        JsonObject squatted = store.storefront()
                .post(store.path("/auth/register"), Api.json("email", victim, "password", ATTACKER_PASSWORD))
                .json();
        String attackerAccess = squatted.getString("access_token");

        JsonObject challenge = debug(store)
                .post(store.path("/auth/login/email"), Api.json("email", victim))
                .json();
        Reply owner = OtpSignInIT.verify(store, challenge.getString("otp_token"), challenge.getString("otp"), "login");

        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        JsonObject user = owner.json().getJsonObject("user");
        assertThat(user.getBoolean("is_email_verified")).isTrue();
        assertThat(user.getJsonArray("login_methods").toString()).doesNotContain("\"password\"");
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", victim, "password", ATTACKER_PASSWORD)),
                401,
                "invalid_credentials");
        assertProblem(
                store.storefront()
                        .post(
                                store.path("/auth/token/refresh"),
                                Api.json("refresh_token", squatted.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertProblem(store.storefront().bearer(attackerAccess).get(store.path("/customers/me")), 401, "unauthorized");
        assertThat(store.storefront()
                        .bearer(owner.string("access_token"))
                        .get(store.path("/customers/me"))
                        .status())
                .isEqualTo(200);
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=account_claimed"))
                        .items())
                .hasSize(1);
    }

    @Test
    void whenTheOwnerResetsThePasswordOfAnAccountAnAttackerRegisteredThenTheAttackersSessionEnds() {
        StoreFixture store = Fixtures.newStore();
        String victim = unique("victim") + "@example.com";
        JsonObject squatted = store.storefront()
                .post(store.path("/auth/register"), Api.json("email", victim, "password", ATTACKER_PASSWORD))
                .json();

        JsonObject challenge = debug(store)
                .post(store.path("/auth/password/forgot"), Api.json("email", victim))
                .json();
        Reply reset = store.storefront()
                .post(
                        store.path("/auth/otp/verify"),
                        Api.json(
                                "otp_token",
                                challenge.getString("otp_token"),
                                "otp",
                                challenge.getString("otp"),
                                "otp_action",
                                "reset_password",
                                "new_password",
                                "owner chosen words 4"));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertProblem(
                store.storefront()
                        .post(
                                store.path("/auth/token/refresh"),
                                Api.json("refresh_token", squatted.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=account_claimed"))
                        .items())
                .hasSize(1);
    }

    @Test
    void whenTheOwnerOfAPhoneAnAttackerAttachedSignsUpByCodeThenTheyGetAnAccountOfTheirOwn() {
        StoreFixture store = Fixtures.newStore();
        String victimPhone = OtpSignInIT.phone();
        JsonObject attacker = attackerWithProvedEmailAnd(store, victimPhone);

        JsonObject signUp = debug(store)
                .post(store.path("/auth/login/phone"), Api.json("phone", victimPhone, "register_if_not_exists", true))
                .json();
        assertThat(signUp.getString("otp_action"))
                .as("no account holds the phone for its owner")
                .isEqualTo("register");
        Reply owner = OtpSignInIT.verify(store, signUp.getString("otp_token"), signUp.getString("otp"), "register");

        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.json().getJsonObject("user").getString("id"))
                .isNotEqualTo(attacker.getJsonObject("user").getString("id"));
        assertThat(owner.json().getJsonObject("user").getString("phone")).isEqualTo(victimPhone);
        JsonObject attackerNow = store.storefront()
                .bearer(attacker.getString("access_token"))
                .get(store.path("/customers/me"))
                .json();
        assertThat(attackerNow.isNull("phone")).as(attackerNow.toString()).isTrue();
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=contact_released"))
                        .items())
                .hasSize(1);
    }

    @Test
    void whenTheOwnerOfAPhoneAnAttackerAttachedSignsInByCodeThenTheCodeNeverLandsInTheAttackersAccount() {
        StoreFixture store = Fixtures.newStore();
        String victimPhone = OtpSignInIT.phone();
        attackerWithProvedEmailAnd(store, victimPhone);

        JsonObject decoy = debug(store)
                .post(store.path("/auth/login/phone"), Api.json("phone", victimPhone))
                .json();

        assertThat(decoy.getString("otp_action")).isEqualTo("login");
        assertProblem(
                OtpSignInIT.verify(store, decoy.getString("otp_token"), decoy.getString("otp"), "login"),
                401,
                "invalid_otp");
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=login_succeeded"))
                        .items())
                .hasSize(1);
    }

    @Test
    void whenACustomerProvesAPhoneAnotherAccountHoldsUnprovedThenTheirContactChangeSucceeds() {
        StoreFixture store = Fixtures.newStore();
        String phone = OtpSignInIT.phone();
        attackerWithProvedEmailAnd(store, phone);
        JsonObject owner = signedInByCode(store, unique("owner") + "@example.com");
        Api me = debug(store).bearer(owner.getString("access_token"));

        Reply change = me.post(store.path("/customers/me/contact"), Api.json("phone", phone));
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        Reply confirmed = me.post(
                store.path("/auth/otp/verify"),
                Api.json(
                        "otp_token",
                        change.string("otp_token"),
                        "otp",
                        change.string("otp"),
                        "otp_action",
                        "update_phone"));

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getJsonObject("user").getString("phone")).isEqualTo(phone);
        assertProblem(
                CustomerSignInIT.login(store, Api.json("phone", phone, "password", ATTACKER_PASSWORD)),
                401,
                "invalid_credentials");
    }

    @Test
    void whenTheContactChangedAfterACodeWasSentToTheOldAddressThenThatCodeCompletesNothing() {
        StoreFixture store = Fixtures.newStore();
        String old = unique("old") + "@example.com";
        JsonObject customer = CustomerSignInIT.register(store, old).json();
        JsonObject stale = debug(store)
                .post(store.path("/auth/login/email"), Api.json("email", old))
                .json();

        Api me = debug(store).bearer(customer.getString("access_token"));
        Reply change = me.post(store.path("/customers/me/contact"), Api.json("email", unique("new") + "@example.com"));
        assertThat(me.post(
                                store.path("/auth/otp/verify"),
                                Api.json(
                                        "otp_token",
                                        change.string("otp_token"),
                                        "otp",
                                        change.string("otp"),
                                        "otp_action",
                                        "update_email"))
                        .status())
                .isEqualTo(200);

        assertProblem(
                OtpSignInIT.verify(store, stale.getString("otp_token"), stale.getString("otp"), "login"),
                401,
                "otp_expired");
    }

    /** The attacker's account: their own email, proved by a code sign-in, and someone else's phone. */
    private static JsonObject attackerWithProvedEmailAnd(StoreFixture store, String victimPhone) {
        String attackerEmail = unique("attacker") + "@example.com";
        Reply registered = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json("email", attackerEmail, "phone", victimPhone, "password", ATTACKER_PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        JsonObject proof = debug(store)
                .post(store.path("/auth/login/email"), Api.json("email", attackerEmail))
                .json();
        Reply signedIn = OtpSignInIT.verify(store, proof.getString("otp_token"), proof.getString("otp"), "login");
        assertThat(signedIn.json().getJsonObject("user").getBoolean("is_email_verified"))
                .isTrue();
        return signedIn.json();
    }

    private static JsonObject signedInByCode(StoreFixture store, String email) {
        JsonObject challenge = debug(store)
                .post(store.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true))
                .json();
        Reply reply = OtpSignInIT.verify(
                store, challenge.getString("otp_token"), challenge.getString("otp"), challenge.getString("otp_action"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The storefront of a test-mode store, asking for the code to be echoed. */
    private static Api debug(StoreFixture store) {
        return store.storefront().with("X-Debug-Mode", "true");
    }
}
