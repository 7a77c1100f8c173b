package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.AccountPage;
import com.storefrontauth.it.console.AuditLogPage;
import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.CustomersPage;
import com.storefrontauth.it.console.DashboardPage;
import com.storefrontauth.it.console.KeysPage;
import com.storefrontauth.it.console.OriginsPage;
import com.storefrontauth.it.console.OutboxPage;
import com.storefrontauth.it.console.PolicyPage;
import com.storefrontauth.it.console.SessionsPage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.console.SigningKeysPage;
import com.storefrontauth.it.console.StoresPage;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** The admin console in headless Chromium against the running uber-jar; every test leaves screenshots. */
class ConsoleIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(RunningServer.get().baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void whenNoSessionThenConsolePagesRedirectToSignInWithSecurityHeaders() throws Exception {
        browser.open("/admin/stores.xhtml");
        browser.awaitPath(SignInPage.PATH);
        browser.open("/admin/keys.xhtml?store=st_000000000000000000000000");
        browser.awaitPath(SignInPage.PATH);
        browser.open("/admin/");
        browser.awaitPath(SignInPage.PATH);
        browser.screenshot("console-sign-in");

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RunningServer.get().baseUrl() + SignInPage.PATH))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval")
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}';$");
        assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(String.join(";", page.headers().allValues("Set-Cookie")))
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void whenWrongPasswordThenRefusedAndRightPasswordThenANewSessionOpensTheStores() {
        SignInPage signIn = SignInPage.open(browser);
        signIn.submit(RunningServer.ADMIN_EMAIL, "not the password 1");
        assertThat(signIn.error()).isEqualTo("The email or password is not correct.");
        browser.screenshot("console-sign-in-refused");
        String before = sessionCookie();

        signIn.signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        assertThat(sessionCookie()).as("the session id changes at sign-in").isNotEqualTo(before);
        assertThat(browser.texts(By.cssSelector(".console-nav a")))
                .containsExactly("Dashboard", "Stores", "Signing keys", "Platform settings", "Account");

        SignInPage.signOut(browser);
        browser.open(StoresPage.PATH);
        browser.awaitPath(SignInPage.PATH);
    }

    @Test
    void whenStoreKeyAndOriginAreMadeInTheConsoleThenTheStorefrontAnswersUntilRevokedAndASecretKeyNeedsThePassword() {
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        StoresPage stores = StoresPage.open(browser);
        String name = "Console shop " + UUID.randomUUID().toString().substring(0, 6);
        stores.create(name, false);
        String storeId = stores.idOf(name);
        browser.screenshot("console-stores");

        KeysPage keys = stores.keys(name);
        assertThat(keys.heading()).isEqualTo("API keys of " + name);
        keys.create("web storefront", false);
        String publishable = keys.keyOf("web storefront");
        assertThat(publishable).startsWith("pk_test_");
        assertThat(keys.refusedSecret("back office", "not my password 7")).contains("Your password is not correct.");
        assertThat(keys.listed("back office"))
                .as("no secret key without the password")
                .isFalse();
        assertThat(keyLabels(storeId)).doesNotContain("back office");
        keys.createSecret("back office", RunningServer.ADMIN_PASSWORD);
        assertThat(keys.shownSecret()).startsWith("sk_");
        assertThat(keys.copiedSecret()).as("the Copy button copies the secret").isEqualTo(keys.shownSecret());
        assertThat(keys.keyOf("back office")).doesNotContain(keys.shownSecret());
        browser.screenshot("console-api-keys");

        StoresPage.open(browser);
        OriginsPage origins = new StoresPage(browser).origins(name);
        origins.add("ftp://files.example.com");
        browser.awaitText(By.cssSelector(".ui-growl"), "origin");
        assertThat(origins.origins()).isEmpty();
        origins.add("https://shop.example.com");
        origins.awaitOrigin("https://shop.example.com");
        browser.screenshot("console-cors-origins");

        Api storefront =
                Api.server().with("X-Storefront-Api-Key", publishable).with("Origin", "https://shop.example.com");
        Reply guest = storefront.post("/api/v1/stores/" + storeId + "/auth/anonymous");
        assertThat(guest.status()).as(guest.toString()).isEqualTo(200);
        assertThat(guest.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(Api.server()
                        .with("X-Storefront-Api-Key", publishable)
                        .with("Origin", "https://evil.example.com")
                        .post("/api/v1/stores/" + storeId + "/auth/anonymous")
                        .status())
                .isEqualTo(403);

        browser.open("/admin/keys.xhtml?store=" + storeId);
        new KeysPage(browser).revoke("web storefront");
        assertThat(storefront
                        .post("/api/v1/stores/" + storeId + "/auth/anonymous")
                        .errorCode())
                .isEqualTo("invalid_api_key");

        StoresPage.open(browser).suspend(name);
        assertThat(new StoresPage(browser).statusOf(name)).isEqualTo("suspended");
    }

    @Test
    void whenPolicyIsChangedInTheConsoleThenThePublicApiAppliesItAndOutOfRangeValuesAreRefused() {
        com.storefrontauth.it.support.Fixtures.StoreFixture store = com.storefrontauth.it.support.Fixtures.newStore();
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        PolicyPage policy = PolicyPage.open(browser, store.id());
        assertThat(policy.value("password_min_length")).isEqualTo("8");
        policy.set("otp_length", "99");
        assertThat(policy.save()).isEqualTo("otp length must be between 4 and 10");
        policy.set("otp_length", "6");
        policy.set("password_min_length", "14");
        assertThat(policy.save()).startsWith("Policy saved");
        browser.screenshot("console-policy");

        Reply refused = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json("email", "short." + UUID.randomUUID() + "@example.com", "password", "ferry tale 912"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        Reply tooShort = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json("email", "short." + UUID.randomUUID() + "@example.com", "password", "ferry tale 9"));
        assertThat(tooShort.errorCode()).isEqualTo("weak_password");
        assertThat(com.storefrontauth.it.support.Fixtures.admin()
                        .get(store.path("/login-policy"))
                        .json()
                        .getInt("password_min_length"))
                .isEqualTo(14);
    }

    @Test
    void whenACustomersSessionIsEndedInTheConsoleThenTheirRefreshTokenIsRefusedAndDisablingEndsTheRest() {
        com.storefrontauth.it.support.Fixtures.StoreFixture store = com.storefrontauth.it.support.Fixtures.newStore();
        String email = "shopper." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply first = CustomerSignInIT.register(store, email);
        Reply second = CustomerSignInIT.login(store, Api.json("email", email, "password", CustomerSignInIT.PASSWORD));
        assertThat(second.status()).isEqualTo(200);

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        CustomersPage customers = CustomersPage.open(browser, store.id());
        customers.search(email);
        assertThat(customers.emails()).containsExactly(email);
        assertThat(customers.openCustomer(email))
                .containsExactlyInAnyOrder(first.string("session_id"), second.string("session_id"));
        browser.screenshot("console-customer");
        customers.endSession(first.string("session_id"));
        assertThat(store.storefront()
                        .post(
                                store.path("/auth/token/refresh"),
                                Api.json("refresh_token", first.string("refresh_token")))
                        .errorCode())
                .isEqualTo("invalid_refresh_token");

        customers.switchStatus();
        browser.awaitText(By.id("customer-status"), "disabled");
        assertThat(customers.sessions()).isEmpty();
        assertThat(store.storefront()
                        .post(
                                store.path("/auth/token/refresh"),
                                Api.json("refresh_token", second.string("refresh_token")))
                        .errorCode())
                .isEqualTo("invalid_refresh_token");
    }

    @Test
    void whenACodeIsSentThenTheOutboxShowsItWithTheMailedCodeAndTheAuditLogRecordsIt() {
        com.storefrontauth.it.support.Fixtures.StoreFixture store = com.storefrontauth.it.support.Fixtures.newStore();
        String email = "outbox." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        OtpSignInIT.start(store, "email", email, true);
        String mailed = MailServer.get().latest(email, 1).code();

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        assertThat(OutboxPage.openWith(browser, store.id(), email).codes()).containsExactly(mailed);
        browser.screenshot("console-outbox");

        assertThat(AuditLogPage.open(browser, store.id()).types()).contains("otp_sent", "store_created");
        browser.screenshot("console-audit-log");
    }

    @Test
    void whenMerchantEditsAnotherStoresIdIntoTheUrlThenNotFoundAndOnlyTheirOwnStoreIsListed() {
        String email = "console." + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        assertThat(MerchantAccountIT.register(email, "Own Shop").status()).isEqualTo(201);
        Reply activated = Api.server()
                .post(
                        "/api/v1/accounts/activate",
                        Api.json(
                                "email",
                                email,
                                "otp",
                                MailServer.get().latest(email, 1).code()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        String otherStore = com.storefrontauth.it.support.Fixtures.newStore().id();

        SignInPage.open(browser).signIn(email, MerchantAccountIT.PASSWORD);
        String shown = browser.read(d -> d.findElement(By.id("store-name")).getText());
        assertThat(shown).as("the dashboard opens on the merchant's own store").isEqualTo("Own Shop");
        assertThat(browser.texts(By.cssSelector(".console-nav a"))).doesNotContain("Signing keys");
        assertThat(StoresPage.open(browser).names()).containsExactly("Own Shop");
        for (String page : new String[] {"dashboard", "keys", "origins", "policy", "customers", "sessions", "events"}) {
            browser.open("/admin/" + page + ".xhtml?store=" + otherStore);
            browser.awaitText(By.tagName("h1"), "Store not found");
        }
        browser.screenshot("console-foreign-store");
        assertThat(SigningKeysPage.open(browser).refused()).isTrue();

        StoresPage own = StoresPage.open(browser);
        String ownStore = own.idOf("Own Shop");
        KeysPage keys = own.keys("Own Shop");
        assertThat(keys.tamperPostbacksToName(otherStore)).endsWith("?store=" + otherStore);
        keys.create("tampered postback", false);
        assertThat(keyLabels(ownStore)).contains("tampered postback");
        assertThat(keyLabels(otherStore)).doesNotContain("tampered postback");
    }

    @Test
    void whenMerchantChangesTheirPasswordThenOnlyTheNewOneSignsInAndTheirOtherSessionsEnd() {
        String email = "password." + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        String newPassword = "a brand new passphrase 77";
        assertThat(MerchantAccountIT.register(email, "Password Shop").status()).isEqualTo(201);
        assertThat(Api.server()
                        .post(
                                "/api/v1/accounts/activate",
                                Api.json(
                                        "email",
                                        email,
                                        "otp",
                                        MailServer.get().latest(email, 1).code()))
                        .status())
                .isEqualTo(200);
        Reply apiSession = Api.server()
                .post("/api/v1/accounts/login", Api.json("email", email, "password", MerchantAccountIT.PASSWORD));
        assertThat(apiSession.status()).as(apiSession.toString()).isEqualTo(200);

        try (Browser elsewhere = new Browser(RunningServer.get().baseUrl())) {
            SignInPage.open(elsewhere).signIn(email, MerchantAccountIT.PASSWORD);
            SignInPage.open(browser).signIn(email, MerchantAccountIT.PASSWORD);
            AccountPage account = AccountPage.open(browser);
            assertThat(account.changePassword("not my password 1", newPassword, newPassword))
                    .isEqualTo("The current password is not correct.");
            assertThat(account.changePassword(MerchantAccountIT.PASSWORD, newPassword, "something else entirely 9"))
                    .isEqualTo("repeated password does not match the new password");
            assertThat(account.changePassword(MerchantAccountIT.PASSWORD, "password", "password"))
                    .contains("new password");
            assertThat(account.changePassword(MerchantAccountIT.PASSWORD, newPassword, newPassword))
                    .startsWith("Password changed.");
            browser.screenshot("console-account");

            elsewhere.open(StoresPage.PATH);
            elsewhere.awaitPath(SignInPage.PATH);
        }
        assertThat(Api.server()
                        .post(
                                "/api/v1/accounts/token/refresh",
                                Api.json("refresh_token", apiSession.string("refresh_token")))
                        .errorCode())
                .isEqualTo("invalid_refresh_token");
        StoresPage.open(browser);
        SignInPage signIn = SignInPage.signOut(browser);
        signIn.submit(email, MerchantAccountIT.PASSWORD);
        assertThat(signIn.error()).isEqualTo("The email or password is not correct.");
        signIn.signIn(email, newPassword);
        assertThat(Api.server()
                        .post("/api/v1/accounts/login", Api.json("email", email, "password", newPassword))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenCustomersSignInAndFailThenTheDashboardCountsThemTodayAndInTheChart() {
        com.storefrontauth.it.support.Fixtures.StoreFixture store = com.storefrontauth.it.support.Fixtures.newStore();
        String email = "dash." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(CustomerSignInIT.register(store, email).status()).isEqualTo(200);
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", CustomerSignInIT.PASSWORD))
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", "wrong password " + i))
                            .errorCode())
                    .isEqualTo("invalid_credentials");
        }
        OtpSignInIT.start(
                store, "email", "dash.code." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", true);

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        DashboardPage dashboard = DashboardPage.open(browser, store.id());
        assertThat(dashboard.figure("signins-today")).isEqualTo(1);
        assertThat(dashboard.figure("failures-today")).isEqualTo(2);
        assertThat(dashboard.figure("codes-today")).isEqualTo(1);
        assertThat(dashboard.figure("active-sessions")).isEqualTo(2);
        assertThat(dashboard.bars()).hasSize(24);
        assertThat(dashboard.charted()).isEqualTo(new DashboardPage.Charted(1, 2));
        browser.screenshot("console-dashboard");
        dashboard.showLastSevenDays();
        assertThat(dashboard.bars()).hasSize(7);
        assertThat(dashboard.charted()).isEqualTo(new DashboardPage.Charted(1, 2));
    }

    @Test
    void whenSessionsAreEndedOnTheSessionsPageThenTheirRefreshTokensAreRefused() {
        com.storefrontauth.it.support.Fixtures.StoreFixture store = com.storefrontauth.it.support.Fixtures.newStore();
        String alice = "alice." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bob = "bob." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply aliceFirst = CustomerSignInIT.register(store, alice);
        Reply aliceSecond =
                CustomerSignInIT.login(store, Api.json("email", alice, "password", CustomerSignInIT.PASSWORD));
        Reply bobOnly = CustomerSignInIT.register(store, bob);

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        SessionsPage sessions = SessionsPage.open(browser, store.id());
        assertThat(sessions.sessions())
                .containsExactly(
                        bobOnly.string("session_id"),
                        aliceSecond.string("session_id"),
                        aliceFirst.string("session_id"));
        sessions.filter(alice);
        assertThat(sessions.customers()).containsOnly(alice).hasSize(2);
        browser.screenshot("console-sessions");
        sessions.filter("not an email");
        assertThat(sessions.growl()).contains("customer must be a customer id");

        sessions.filter(bobOnly.json().getJsonObject("user").getString("id"));
        assertThat(sessions.sessions()).containsExactly(bobOnly.string("session_id"));
        sessions.end(bobOnly.string("session_id"));
        sessions.filter("");
        assertThat(refresh(store, bobOnly)).isEqualTo("invalid_refresh_token");
        sessions.endAllOfCustomerOf(aliceFirst.string("session_id"));
        assertThat(sessions.sessions()).isEmpty();
        assertThat(refresh(store, aliceFirst)).isEqualTo("invalid_refresh_token");
        assertThat(refresh(store, aliceSecond)).isEqualTo("invalid_refresh_token");
    }

    @Test
    void whenAdminRotatesTheSigningKeyThenTheirPasswordIsAskedAgainAndTheNewKeyIsActiveAndBothArePublished() {
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        SigningKeysPage keys = SigningKeysPage.open(browser);
        assertThat(keys.refused()).isFalse();
        String before = keys.kids().get(0);
        assertThat(keys.refusedRotation("not my password 7")).contains("Your password is not correct.");
        assertThat(keys.kids().get(0)).as("no rotation without the password").isEqualTo(before);
        keys.rotate(RunningServer.ADMIN_PASSWORD);
        String after = keys.kids().get(0);
        assertThat(after).isNotEqualTo(before);
        assertThat(keys.statuses().get(0)).isEqualTo("active");
        assertThat(keys.statuses().get(1)).isEqualTo("retired");
        browser.screenshot("console-signing-keys");
        assertThat(Api.server().get("/.well-known/jwks.json").json().getJsonArray("keys").stream()
                        .map(key -> key.asJsonObject().getString("kid"))
                        .toList())
                .contains(before, after);
    }

    private static List<String> keyLabels(String storeId) {
        return com.storefrontauth.it.support.Fixtures.admin()
                .get("/api/v1/stores/" + storeId + "/api-keys")
                .items()
                .stream()
                .map(key -> key.asJsonObject().getString("label", ""))
                .toList();
    }

    private static String refresh(com.storefrontauth.it.support.Fixtures.StoreFixture store, Reply session) {
        return store.storefront()
                .post(store.path("/auth/token/refresh"), Api.json("refresh_token", session.string("refresh_token")))
                .errorCode();
    }

    private String sessionCookie() {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }
}
