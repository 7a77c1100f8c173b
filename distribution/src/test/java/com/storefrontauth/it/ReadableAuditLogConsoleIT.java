package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.AuditLogPage;
import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.CustomersPage;
import com.storefrontauth.it.console.PolicyPage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The audit log as a merchant reads it (subjects by email, erased customers as erased, a customer filter), a
 * customer's recent sign-ins, and the console's small courtesies (favicon, spelling, unclipped emails).
 */
class ReadableAuditLogConsoleIT {

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
    void whenCustomersActThenTheLogNamesThemByEmailTheMerchantByEmailAndAnErasedCustomerAsErased() {
        StoreFixture store = Fixtures.newStore();
        String alice = unique("alice") + "@example.com";
        String aliceId = CustomerSignInIT.register(store, alice)
                .json()
                .getJsonObject("user")
                .getString("id");
        assertThat(CustomerSignInIT.login(store, Api.json("email", alice, "password", "not her password 1"))
                        .status())
                .isEqualTo(401);
        String bob = unique("bob") + "@example.com";
        JsonObject bobSignIn = CustomerSignInIT.register(store, bob).json();
        String bobId = bobSignIn.getJsonObject("user").getString("id");
        Reply erased = store.storefront()
                .bearer(bobSignIn.getString("access_token"))
                .send(
                        "DELETE",
                        store.path("/customers/me"),
                        Api.json("password", CustomerSignInIT.PASSWORD),
                        "application/json");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        AuditLogPage log = AuditLogPage.open(browser, store.id());
        browser.screenshot("console-audit-log-readable");
        assertThat(log.subjects())
                .contains(alice, "erased customer", RunningServer.ADMIN_EMAIL)
                .noneMatch(subject -> subject.startsWith("cus_") || subject.startsWith("acc_"));
        assertThat(log.idOf(alice)).as("the id is on hover").isEqualTo(aliceId);
        assertThat(log.idOf("erased customer")).isEqualTo(bobId);

        log.filterByCustomer(alice);
        assertThat(log.types()).containsExactly("login_failed", "customer_registered");
        assertThat(log.subjects()).containsOnly(alice);

        log.filterByCustomer(aliceId);
        assertThat(log.types()).containsExactly("login_failed", "customer_registered");

        log.filterByCustomer("nobody." + UUID.randomUUID() + "@example.com");
        assertThat(log.types())
                .as("an unknown customer finds nothing, not everything")
                .isEmpty();

        AuditLogPage erasedOnly = AuditLogPage.openFor(browser, store.id(), bobId);
        assertThat(erasedOnly.subjects()).isNotEmpty().containsOnly("erased customer");
        assertThat(erasedOnly.types()).contains("account_deleted", "customer_registered");
    }

    @Test
    void whenACustomerIsOpenedThenTheirRecentSignInsAndFailuresAreListedAndTheirLongEmailIsNotCutOff() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("a.rather.long.customer.name.that.goes.on.and.on") + "@subdomain.example-shop.com";
        assertThat(CustomerSignInIT.register(store, email).status()).isEqualTo(200);
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", "wrong password 12"))
                        .status())
                .isEqualTo(401);
        assertThat(CustomerSignInIT.login(store, Api.json("email", email, "password", CustomerSignInIT.PASSWORD))
                        .status())
                .isEqualTo(200);
        String other = unique("other") + "@example.com";
        CustomerSignInIT.register(store, other);
        CustomerSignInIT.login(store, Api.json("email", other, "password", "wrong password 12"));

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        CustomersPage customers = CustomersPage.open(browser, store.id());
        assertThat(customers.emails()).contains(email);
        assertThat(customers.emailFitsItsCell(email))
                .as("the whole email shows in its cell")
                .isTrue();
        customers.openCustomer(email);
        assertThat(customers.signIns())
                .as("only this customer's, newest first")
                .containsExactly("login_succeeded", "login_failed");
        browser.screenshot("console-customer-sign-ins");

        browser.driver().findElement(By.id("customer:all-events")).click();
        assertThat(AuditLogPage.shown(browser).subjects()).isNotEmpty().containsOnly(email);
    }

    @Test
    void whenConsolePagesAreOpenedThenEachLinksAServedFaviconAndWhatsAppIsSpelledRight() {
        StoreFixture store = Fixtures.newStore();
        browser.open("/admin/login.xhtml");
        assertFaviconServed();
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        for (String page : List.of("dashboard", "customers", "events", "keys", "origins", "profile", "sessions")) {
            browser.open("/admin/" + page + ".xhtml?store=" + store.id());
            assertFaviconServed();
        }
        PolicyPage policy = PolicyPage.open(browser, store.id());
        assertFaviconServed();
        assertThat(policy.labels()).contains("WhatsApp OTP login").noneMatch(label -> label.contains("Whatsapp"));
    }

    private void assertFaviconServed() {
        String href = browser.read(
                d -> d.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href"));
        String path = href.substring(RunningServer.get().baseUrl().length());
        Reply icon = Api.server().get(path);
        assertThat(icon.status()).as(browser.path() + " links " + href).isEqualTo(200);
        assertThat(icon.header("Content-Type")).startsWith("image/svg+xml");
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
