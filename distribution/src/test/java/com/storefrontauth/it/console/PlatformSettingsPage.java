package com.storefrontauth.it.console;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /admin/platform-settings.xhtml}: the platform limits (platform admin only). */
public final class PlatformSettingsPage {

    public static final String PATH = "/admin/platform-settings.xhtml";
    private final Browser browser;

    public PlatformSettingsPage(Browser browser) {
        this.browser = browser;
        browser.await(By.tagName("h1"));
    }

    public static PlatformSettingsPage open(Browser browser) {
        browser.open(PATH);
        return new PlatformSettingsPage(browser);
    }

    public boolean refused() {
        return !browser.driver().findElements(By.id("not-allowed")).isEmpty();
    }

    public String value(String setting) {
        return input(setting).getAttribute("value");
    }

    public void set(String setting, String value) {
        WebElement input = input(setting);
        input.clear();
        input.sendKeys(value);
    }

    /** Saves and returns the growl's message (the growl is re-rendered with each answer). */
    public String save() {
        By growl = By.cssSelector(".ui-growl-title");
        List<String> before = browser.texts(growl);
        browser.driver().findElement(By.id("settings:save")).click();
        List<String> after = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> now = d.findElements(growl).stream()
                            .map(WebElement::getText)
                            .toList();
                    return !now.isEmpty() && !now.equals(before) ? now : null;
                });
        return after.get(after.size() - 1);
    }

    private WebElement input(String setting) {
        return browser.driver().findElement(By.cssSelector("input.setting-" + setting));
    }
}
