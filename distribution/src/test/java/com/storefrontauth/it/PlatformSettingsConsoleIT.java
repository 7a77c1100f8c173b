package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.PlatformSettingsPage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The console's platform settings page in headless Chromium: the admin's alone. */
class PlatformSettingsConsoleIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(RunningServer.get().baseUrl());
    }

    @AfterEach
    void closeBrowserAndRestoreTheDefault() {
        browser.close();
        Reply restored = Fixtures.admin().put("/api/v1/admin/settings", Api.json("max_ip_rate_limit_per_minute", 600));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    }

    @Test
    void whenThePlatformAdminSavesASettingThenTheApiReadsItAndAnOutOfRangeValueIsRefused() {
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
        assertThat(browser.texts(By.cssSelector(".console-nav a"))).contains("Platform settings");
        PlatformSettingsPage settings = PlatformSettingsPage.open(browser);
        assertThat(settings.refused()).isFalse();
        assertThat(settings.value("max_ip_rate_limit_per_minute")).isEqualTo("600");
        assertThat(settings.value("store_daily_sms_codes")).isEqualTo("1000");

        settings.set("max_ip_rate_limit_per_minute", "0");
        assertThat(settings.save()).isEqualTo("max ip rate limit per minute must be a whole number from 1 to 100000");
        settings.set("max_ip_rate_limit_per_minute", "750");
        assertThat(settings.save()).startsWith("Platform settings saved");
        browser.screenshot("console-platform-settings");

        assertThat(Fixtures.admin().get("/api/v1/admin/settings").json().getInt("max_ip_rate_limit_per_minute"))
                .isEqualTo(750);
        assertThat(PlatformSettingsPage.open(browser).value("max_ip_rate_limit_per_minute"))
                .isEqualTo("750");
    }

    @Test
    void whenAMerchantSignsInThenThePageIsNeitherLinkedNorShown() {
        String email = "settings." + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        assertThat(MerchantAccountIT.register(email, "Settings Shop").status()).isEqualTo(201);
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
        browser.await(By.id("store-name"));

        assertThat(browser.texts(By.cssSelector(".console-nav a"))).doesNotContain("Platform settings");
        PlatformSettingsPage page = PlatformSettingsPage.open(browser);
        assertThat(page.refused()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("input.setting-max_ip_rate_limit_per_minute")))
                .isEmpty();
    }
}
