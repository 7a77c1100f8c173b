package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
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
 * Luxmart's store accounts over HTTP: register, activate by the emailed code, sign in with an opaque
 * {@code Token}, reset and change the password, log out; every refusal in Luxmart's {@code {"error"}} shape.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LuxmartIT {

    private static final MailServer MAIL = MailServer.get();
    private static final String BASE = "/api/v1/accounts/";
    private static final String PASSWORD = "Luxmart store passphrase 7!";
    /** Registered first and never activated: the 403 needs the minute since its last code to pass. */
    private static String waiting;

    private static Instant waitingSince;
    /** Activated first: its reset code may only be asked for a minute after its activation code. */
    private static String resetting;

    @BeforeAll
    static void registerTheWaitingStores() {
        waiting = unique("waiting");
        assertThat(register(waiting).status()).isEqualTo(200);
        waitingSince = Instant.now();
        resetting = activeStore();
    }

    @Test
    @Order(1)
    void whenAStoreRegistersActivatesAndSignsInThenItGetsAnOpaqueTokenAndItsStoreProfile() {
        String email = unique("owner");
        Reply registered = register(email);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().getString("message")).isEqualTo("Activation link send to email!");
        assertLuxmartError(register(email), 404, "Email Already Exists");
        assertLuxmartError(
                lux(
                        "register/store/",
                        Api.json(
                                "email",
                                unique("other"),
                                "name",
                                "Shop",
                                "preferred_language",
                                "en",
                                "password",
                                PASSWORD,
                                "confirm_password",
                                PASSWORD + "x")),
                400,
                "Confirm Password Is Not Correct!");

        String code = MAIL.latest(email, 1).code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertLuxmartError(lux("otp/store/", Api.json("email", email, "otp", wrong)), 404, "Store OTP Is Not Correct");
        Reply confirmed = lux("otp/store/", Api.json("email", email, "otp", code));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getString("message")).isEqualTo("OTP confirmed successfully");

        Reply login = lux("login/store/", Api.json("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.string("access_token")).startsWith("oat_").doesNotContain(".");
        JsonObject store = login.json().getJsonObject("store");
        assertThat(store.getString("id")).startsWith("st_");
        assertThat(store.getString("email")).isEqualTo(email);
        assertThat(store.getString("name")).isEqualTo("Baku Corner");
        assertThat(store.getString("description")).isEqualTo("Fine goods");
        assertThat(store.getString("logo_url")).isEmpty();
        assertThat(store.getString("business_address")).isEqualTo("123 Main St");
        assertThat(store.getString("contact_phone")).isEqualTo("+994501234567");
        assertThat(store.getString("preferred_language")).isEqualTo("AZERBAIJANI");
        assertThat(store.getJsonNumber("percent").doubleValue()).isZero();
        assertThat(Instant.parse(store.getString("created")))
                .isBefore(Instant.now().plusSeconds(5));

        Reply wrongPassword = lux("login/store/", Api.json("email", email, "password", "not the password 1"));
        assertLuxmartError(wrongPassword, 401, "Invalid credentials");
        assertThat(wrongPassword.body()).isEqualTo("{\"error\":\"Invalid credentials\"}");
        assertLuxmartError(
                lux("login/store/", Api.json("email", unique("nobody"), "password", PASSWORD)),
                401,
                "Invalid credentials");
    }

    @Test
    @Order(2)
    void whenTheStoreLogsOutThenItsTokenIsRefusedAndOtherTokensAreNot() {
        String email = activeStore();
        String token = token(email, PASSWORD);
        String other = token(email, PASSWORD);

        Reply out = Api.server().with("Authorization", "Token " + token).post(BASE + "logout/");
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().getString("message")).isEqualTo("Successfully logged out");

        assertLuxmartError(Api.server().with("Authorization", "Token " + token).post(BASE + "logout/"), 401, null);
        assertLuxmartError(Api.server().post(BASE + "logout/"), 401, "Missing token on header!");
        assertLuxmartError(
                Api.server().with("Authorization", "Bearer " + other).post(BASE + "logout/"),
                401,
                "Missing token on header!");
        assertThat(Api.server()
                        .with("Authorization", "Token " + other)
                        .post(BASE + "logout/")
                        .status())
                .isEqualTo(200);
    }

    /** Runs after {@link #whenAnInactiveStoreSignsInThenWithinAMinuteIt429sAndAfterItGets403WithAFreshCode}'s wait. */
    @Test
    @Order(9)
    void whenThePasswordIsResetByTheEmailedCodeThenEveryTokenEndsAndOnlyTheNewPasswordSignsIn() {
        String email = resetting;
        assertThat(Duration.between(waitingSince, Instant.now())).isGreaterThan(Duration.ofSeconds(60));
        String token = token(email, PASSWORD);
        int mails = MAIL.to(email).size();

        Reply asked = lux("forget/password/store/", Api.json("email", email));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().getString("message")).isEqualTo("Verification code sent to email");
        assertLuxmartError(
                lux("forget/password/store/", Api.json("email", email)),
                429,
                "Please wait before requesting another OTP");
        Reply unknown = lux("forget/password/store/", Api.json("email", unique("nobody")));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(asked.body());

        String code = MAIL.latest(email, mails + 1).code();
        String newPassword = "A brand new passphrase 9!";
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertLuxmartError(
                lux(
                        "confirm/forget/password/store/",
                        Api.json("email", email, "code", wrong, "new_password", newPassword)),
                404,
                "Store OTP Is Not Correct");
        Reply reset = lux(
                "confirm/forget/password/store/", Api.json("email", email, "code", code, "new_password", newPassword));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        assertLuxmartError(Api.server().with("Authorization", "Token " + token).post(BASE + "logout/"), 401, null);
        assertLuxmartError(
                lux("login/store/", Api.json("email", email, "password", PASSWORD)), 401, "Invalid credentials");
        assertThat(lux("login/store/", Api.json("email", email, "password", newPassword))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void whenTheStoreChangesItsPasswordThenTheOldOneAndItsTokensStopWorking() {
        String email = activeStore();
        String token = token(email, PASSWORD);
        Api holder = Api.server().with("Authorization", "Token " + token);
        String newPassword = "Another new passphrase 4!";

        assertLuxmartError(
                holder.post(
                        BASE + "change/password/",
                        Api.json(
                                "access_token",
                                token,
                                "old_password",
                                "not the password 1",
                                "new_password",
                                newPassword)),
                401,
                null);
        assertLuxmartError(
                Api.server()
                        .post(
                                BASE + "change/password/",
                                Api.json("old_password", PASSWORD, "new_password", newPassword)),
                401,
                "Missing token on header!");
        Reply changed = holder.post(
                BASE + "change/password/",
                Api.json("access_token", token, "old_password", PASSWORD, "new_password", newPassword));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("message")).isEqualTo("Password changed successfully");

        assertLuxmartError(holder.post(BASE + "logout/"), 401, null);
        assertLuxmartError(
                lux("login/store/", Api.json("email", email, "password", PASSWORD)), 401, "Invalid credentials");
        assertThat(lux("login/store/", Api.json("email", email, "password", newPassword))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void whenTokensCrossBetweenAccountsAndDialectsThenTheyAreRefused() {
        String first = activeStore();
        String second = activeStore();
        String firstToken = token(first, PASSWORD);
        String secondToken = token(second, PASSWORD);
        String secondStore = lux("login/store/", Api.json("email", second, "password", PASSWORD))
                .json()
                .getJsonObject("store")
                .getString("id");

        // a Luxmart token is no management credential, and a management JWT is no Luxmart token
        assertProblem(Api.server().bearer(firstToken).get("/api/v1/stores/" + secondStore), 401, "unauthorized");
        assertProblem(Api.server().bearer(secondToken).get("/api/v1/stores/" + secondStore), 401, "unauthorized");
        String jwt = Api.server()
                .post("/api/v1/accounts/login", Api.json("email", second, "password", PASSWORD))
                .string("access_token");
        assertLuxmartError(Api.server().with("Authorization", "Token " + jwt).post(BASE + "logout/"), 401, null);

        // one store's logout ends its own token only
        assertThat(Api.server()
                        .with("Authorization", "Token " + firstToken)
                        .post(BASE + "logout/")
                        .status())
                .isEqualTo(200);
        assertThat(Api.server()
                        .with("Authorization", "Token " + secondToken)
                        .post(BASE + "logout/")
                        .status())
                .isEqualTo(200);

        // v1's own logout still answers in problem+json
        assertProblem(
                Api.server().post("/api/v1/accounts/logout", Api.json("refresh_token", "rt_nothing")),
                401,
                "invalid_refresh_token");
    }

    @Test
    @Order(6)
    void whenRequestsAreHostileThenEveryAnswerIsA4xxInLuxmartsShape() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String route : new String[] {
            "register/store/",
            "otp/store/",
            "login/store/",
            "forget/password/store/",
            "confirm/forget/password/store/",
            "change/password/",
            "logout/"
        }) {
            Api api = Api.server().with("Authorization", "Token oat_forged");
            for (Reply reply : new Reply[] {
                api.post(BASE + route, "{not json"),
                api.post(BASE + route, deep),
                api.post(BASE + route, "{\"email\":1,\"email\":2}"),
                api.post(
                        BASE + route,
                        "{\"email\":null,\"password\":[],\"otp\":{},\"code\":\"" + "9".repeat(100)
                                + "\",\"preferred_language\":\"" + "x".repeat(20_000) + "\"}"),
                api.send("POST", BASE + route, "email=a", "application/x-www-form-urlencoded"),
                api.sendBytes("POST", BASE + route, new byte[70 * 1024], "application/json"),
                api.get(BASE + route)
            }) {
                assertThat(reply.status()).as(route + " " + reply).isBetween(400, 499);
                assertThat(reply.header("Content-Type")).as(route + " " + reply).startsWith("application/json");
                assertThat(reply.json().keySet()).as(route + " " + reply).containsExactly("error");
            }
        }
        assertLuxmartError(
                Api.server()
                        .post(
                                "/api/luxmart/v1/accounts/login/store/",
                                Api.json("email", "a@b.example", "password", PASSWORD)),
                404,
                null);
    }

    @Test
    @Order(7)
    void whenAnInactiveStoreSignsInThenWithinAMinuteIt429sAndAfterItGets403WithAFreshCode() {
        Reply wrong = lux("login/store/", Api.json("email", waiting, "password", "not the password 1"));
        assertLuxmartError(wrong, 401, "Invalid credentials");
        Reply tooSoon = lux("login/store/", Api.json("email", waiting, "password", PASSWORD));
        assertLuxmartError(tooSoon, 429, "Please wait before requesting another OTP");
        assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 60);
        assertThat(MAIL.to(waiting)).hasSize(1);

        Duration left = Duration.ofSeconds(61).minus(Duration.between(waitingSince, Instant.now()));
        if (!left.isNegative()) {
            try {
                Thread.sleep(left.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Reply notActive = lux("login/store/", Api.json("email", waiting, "password", PASSWORD));
        assertLuxmartError(notActive, 403, "If an account exists and requires activation, an OTP has been sent.");
        String fresh = MAIL.latest(waiting, 2).code();
        assertThat(lux("otp/store/", Api.json("email", waiting, "otp", fresh)).status())
                .isEqualTo(200);
        assertThat(lux("login/store/", Api.json("email", waiting, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(8)
    void whenTheStoreProfileIsEditedThroughTheManagementApiThenItIsValidatedAndPercentIsTheAdminsAlone() {
        String email = activeStore();
        JsonObject merchant = Api.server()
                .post("/api/v1/accounts/login", Api.json("email", email, "password", PASSWORD))
                .json();
        String storeId = merchant.getJsonArray("stores").getJsonObject(0).getString("id");
        Api owner = Api.server().bearer(merchant.getString("access_token"));
        String path = "/api/v1/stores/" + storeId;

        Reply edited = owner.patch(
                path,
                Api.json(
                        "description",
                        "New words",
                        "logo_url",
                        "https://cdn.example/l.png",
                        "contact_phone",
                        "+994 50 765 43 21",
                        "preferred_language",
                        "DE",
                        "business_address",
                        "1 Square"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.string("contact_phone")).isEqualTo("+994507654321");
        assertThat(edited.string("preferred_language")).isEqualTo("de");
        assertThat(owner.get(path).string("logo_url")).isEqualTo("https://cdn.example/l.png");

        Reply invalid = owner.patch(
                path,
                Api.json(
                        "logo_url",
                        "http://cdn.example/l.png",
                        "contact_phone",
                        "12",
                        "preferred_language",
                        "tlh",
                        "description",
                        "x".repeat(1001)));
        assertProblem(invalid, 400, "invalid_request");
        assertThat(invalid.json().getJsonObject("errors").keySet())
                .containsExactlyInAnyOrder("logo_url", "contact_phone", "preferred_language", "description");
        assertProblem(owner.patch(path, "{\"percent\": 10.5}"), 403, "forbidden");
        assertThat(owner.get(path).json().getJsonNumber("percent").doubleValue())
                .isZero();

        assertProblem(Fixtures.admin().patch(path, "{\"percent\": 100.001}"), 400, "invalid_request");
        assertProblem(Fixtures.admin().patch(path, "{\"percent\": \"10\"}"), 400, "invalid_request");
        Reply charged = Fixtures.admin().patch(path, "{\"percent\": 10.5}");
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
        assertThat(charged.json().getJsonNumber("percent").doubleValue()).isEqualTo(10.5);

        JsonObject store = lux("login/store/", Api.json("email", email, "password", PASSWORD))
                .json()
                .getJsonObject("store");
        assertThat(store.getJsonNumber("percent").doubleValue()).isEqualTo(10.5);
        assertThat(store.getString("preferred_language")).isEqualTo("GERMAN");
        assertThat(store.getString("logo_url")).isEqualTo("https://cdn.example/l.png");
    }

    private static void assertLuxmartError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/json");
        assertThat(reply.json().keySet()).as(reply.toString()).containsExactly("error");
        if (message != null) {
            assertThat(reply.json().getString("error")).isEqualTo(message);
        } else {
            assertThat(reply.json().getString("error")).isNotBlank();
        }
    }

    private static Reply lux(String route, String body) {
        return Api.server().post(BASE + route, body);
    }

    private static Reply register(String email) {
        return lux(
                "register/store/",
                Api.json(
                        "email",
                        email,
                        "name",
                        "Baku Corner",
                        "description",
                        "Fine goods",
                        "business_address",
                        "123 Main St",
                        "contact_phone",
                        "+994 50 123 45 67",
                        "preferred_language",
                        "az",
                        "password",
                        PASSWORD,
                        "confirm_password",
                        PASSWORD));
    }

    /** A registered and activated store account with {@link #PASSWORD}. */
    private static String activeStore() {
        String email = unique("store");
        assertThat(register(email).status()).isEqualTo(200);
        assertThat(lux(
                                "otp/store/",
                                Api.json(
                                        "email",
                                        email,
                                        "otp",
                                        MAIL.latest(email, 1).code()))
                        .status())
                .isEqualTo(200);
        return email;
    }

    private static String token(String email, String password) {
        Reply login = lux("login/store/", Api.json("email", email, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.string("access_token");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@luxmart.example";
    }
}
