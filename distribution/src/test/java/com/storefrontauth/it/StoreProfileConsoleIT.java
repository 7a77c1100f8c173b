package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.ProfilePage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.console.StoresPage;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store profile page of the console in headless Chromium, checked through the management API. */
class StoreProfileConsoleIT {

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
    void whenThePlatformAdminEditsEveryFieldThenTheApiReadsThemAndAnHttpLogoIsRefusedWithNothingSaved() {
        String storeId = Fixtures.newStore().id();
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        ProfilePage profile = ProfilePage.open(browser, storeId);
        assertThat(profile.percentEditable()).isTrue();
        assertThat(profile.value("percent")).isEqualTo("0.00");
        assertThat(profile.language()).isEqualTo("English (en)");

        profile.set("description", "Fine goods\nsince 1999");
        profile.set("logoUrl", "https://cdn.example.com/logo.png");
        profile.set("businessAddress", "1 Main St\nBaku");
        profile.set("contactPhone", "+994 50 123 45 67");
        profile.chooseLanguage("Azerbaijani (az)");
        profile.set("percent", "12.5");
        assertThat(profile.save()).containsExactly("Profile saved.");
        browser.screenshot("console-store-profile");

        JsonObject saved = store(storeId);
        assertThat(saved.getString("description")).isEqualTo("Fine goods\nsince 1999");
        assertThat(saved.getString("logo_url")).isEqualTo("https://cdn.example.com/logo.png");
        assertThat(saved.getString("business_address"))
                .as("the browser's CRLF line break is kept as one line break")
                .isEqualTo("1 Main St\nBaku");
        assertThat(saved.getString("contact_phone")).isEqualTo("+994501234567");
        assertThat(saved.getString("preferred_language")).isEqualTo("az");
        assertThat(saved.getJsonNumber("percent").bigDecimalValue()).isEqualByComparingTo(new BigDecimal("12.5"));

        ProfilePage reopened = ProfilePage.open(browser, storeId);
        assertThat(reopened.value("contactPhone")).isEqualTo("+994501234567");
        assertThat(reopened.value("businessAddress")).isEqualTo("1 Main St\nBaku");
        assertThat(reopened.language()).isEqualTo("Azerbaijani (az)");
        assertThat(reopened.value("percent")).isEqualTo("12.50");

        reopened.set("description", "Changed together with a bad logo");
        reopened.set("logoUrl", "http://cdn.example.com/logo.png");
        reopened.set("percent", "20");
        assertThat(reopened.save()).containsExactly("logo url must be an https URL of at most 500 characters");
        assertThat(store(storeId)).as("nothing of a refused form is saved").isEqualTo(saved);

        reopened.set("logoUrl", "https://cdn.example.com/logo.png");
        reopened.set("percent", "100.001");
        assertThat(reopened.save()).containsExactly("percent must be a number from 0 to 100 with at most two decimals");
        assertThat(store(storeId)).isEqualTo(saved);
    }

    @Test
    void whenAMerchantOpensTheirStoresProfileThenThePercentIsShownButNotEditableAndTheRestSaves() {
        String email = "profile." + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        assertThat(MerchantAccountIT.register(email, "Profile Shop").status()).isEqualTo(201);
        Reply activated = Api.server()
                .post(
                        "/api/v1/accounts/activate",
                        Api.json(
                                "email",
                                email,
                                "otp",
                                MailServer.get().latest(email, 1).code()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        SignInPage.open(browser).signIn(email, MerchantAccountIT.PASSWORD);
        String storeId = StoresPage.open(browser).idOf("Profile Shop");
        Reply charged = Fixtures.admin().patch("/api/v1/stores/" + storeId, "{\"percent\":7.5}");
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);

        ProfilePage profile = ProfilePage.open(browser, storeId);
        assertThat(profile.percentEditable()).isFalse();
        assertThat(profile.percentShown()).isEqualTo("7.50 %");
        browser.screenshot("console-store-profile-merchant");

        profile.set("description", "Our own words");
        assertThat(profile.save()).containsExactly("Profile saved.");
        JsonObject saved = store(storeId);
        assertThat(saved.getString("description")).isEqualTo("Our own words");
        assertThat(saved.getJsonNumber("percent").bigDecimalValue()).isEqualByComparingTo(new BigDecimal("7.5"));
    }

    private static JsonObject store(String storeId) {
        Reply store = Fixtures.admin().get("/api/v1/stores/" + storeId);
        assertThat(store.status()).as(store.toString()).isEqualTo(200);
        return store.json();
    }
}
