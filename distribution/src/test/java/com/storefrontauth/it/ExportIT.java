package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.AuditLogPage;
import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.CustomersPage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Customers and the audit log as CSV: through the management API ({@code Accept: text/csv}) and the console. */
class ExportIT {

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
    void whenCustomersAreAskedForAsCsvThenEveryMatchComesAsOneRowAndTheExportIsAudited() {
        StoreFixture store = Fixtures.newStore();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertThat(CustomerSignInIT.register(store, "csv" + i + "." + tag + "@example.com")
                            .status())
                    .isEqualTo(200);
        }
        Reply named = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json(
                                "email",
                                "formula." + tag + "@example.com",
                                "password",
                                CustomerSignInIT.PASSWORD,
                                "first_name",
                                "=cmd|' /C calc'!A0"));
        assertThat(named.status()).as(named.toString()).isEqualTo(200);

        Reply csv = Fixtures.admin().with("Accept", "text/csv").get(store.path("/customers?q=csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0))
                .isEqualTo("id,email,phone,first_name,last_name,status,email_verified,phone_verified," + "created_at");
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4))
                .allSatisfy(line -> assertThat(line).startsWith("cus_").contains(",active,"))
                .anySatisfy(line -> assertThat(line).contains(",csv0." + tag + "@example.com,"));

        Reply all = Fixtures.admin().with("Accept", "text/csv").get(store.path("/customers"));
        assertThat(all.body().split("\r\n"))
                .hasSize(5)
                .anySatisfy(line -> assertThat(line).contains(",'=cmd|' /C calc'!A0,"));

        Reply json = Fixtures.admin().get(store.path("/customers?q=csv"));
        assertThat(json.header("Content-Type")).as("no Accept still gets JSON").startsWith("application/json");
        assertThat(json.json().getJsonArray("items")).hasSize(3);

        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=customers_exported"))
                        .json()
                        .getJsonArray("items"))
                .hasSize(2);
    }

    @Test
    void whenAnotherStoresCustomersAreAskedForAsCsvThenNotFoundAsProblemAndNothingIsAudited() {
        StoreFixture store = Fixtures.newStore();
        CustomerSignInIT.register(
                store, "victim." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String email = MerchantAccountIT.unique("exporter") + "@shop.example";
        assertThat(MerchantAccountIT.register(email, "Exporter shop").status()).isEqualTo(201);
        Reply activated = Api.server()
                .post(
                        "/api/v1/accounts/activate",
                        Api.json(
                                "email",
                                email,
                                "otp",
                                MailServer.get().latest(email, 1).code()));
        Api merchant = Api.server().bearer(activated.json().getString("access_token"));

        Reply refused = merchant.with("Accept", "text/csv").get(store.path("/customers"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errorCode()).isEqualTo("not_found");
        assertThat(refused.body()).doesNotContain("victim.");
        Reply refusedLog = merchant.with("Accept", "text/csv").get(store.path("/events"));
        assertThat(refusedLog.status()).isEqualTo(404);
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=customers_exported"))
                        .json()
                        .getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void whenTheConsoleDownloadsTheFilteredLogAndCustomersThenTheCsvHoldsWhatThePageShows() {
        StoreFixture store = Fixtures.newStore();
        String alice = MerchantAccountIT.unique("alice") + "@example.com";
        CustomerSignInIT.register(store, alice);
        CustomerSignInIT.login(store, Api.json("email", alice, "password", "wrong password 12"));
        String bob = MerchantAccountIT.unique("bob") + "@example.com";
        CustomerSignInIT.register(store, bob);

        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        AuditLogPage log = AuditLogPage.open(browser, store.id());
        log.filterByCustomer(alice);
        Reply events = download(By.id("list:export"));
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        assertThat(events.header("Content-Disposition")).contains("audit-log-" + store.id() + ".csv");
        String[] rows = events.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("occurred_at,type,subject,subject_id,ip,user_agent,details");
        assertThat(Arrays.asList(rows).subList(1, rows.length))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row).contains("," + alice + ",cus_"))
                .anySatisfy(row -> assertThat(row).contains(",login_failed,"));

        CustomersPage customers = CustomersPage.open(browser, store.id());
        customers.search(bob);
        List<String> found = Arrays.asList(download(By.id("list:export")).body().split("\r\n"));
        assertThat(found).hasSize(2);
        assertThat(found.get(1)).contains("," + bob + ",");

        assertThat(AuditLogPage.open(browser, store.id()).types()).contains("audit_log_exported", "customers_exported");
        assertThat(AuditLogPage.open(browser, store.id()).subjects()).contains(RunningServer.ADMIN_EMAIL);
    }

    /** Follows a download link as the signed-in browser would (its session cookie), reading the file. */
    private Reply download(By link) {
        String href = browser.read(d -> d.findElement(link).getAttribute("href"));
        Cookie session = browser.driver().manage().getCookies().stream()
                .filter(cookie -> cookie.getName().equalsIgnoreCase("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        return Api.server()
                .with("Cookie", session.getName() + "=" + session.getValue())
                .get(href.substring(RunningServer.get().baseUrl().length()));
    }
}
