package com.storefrontauth.it.console;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /admin/profile.xhtml?store=…}: a store's profile and commission. */
public final class ProfilePage {

    private final Browser browser;

    public ProfilePage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("profile:save"));
    }

    public static ProfilePage open(Browser browser, String storeId) {
        browser.open("/admin/profile.xhtml?store=" + storeId);
        return new ProfilePage(browser);
    }

    /** A text field's value: description, logoUrl, businessAddress, contactPhone or percent. */
    public String value(String field) {
        return browser.read(d -> d.findElement(By.id("profile:" + field)).getAttribute("value"));
    }

    public void set(String field, String value) {
        WebElement input = browser.driver().findElement(By.id("profile:" + field));
        input.clear();
        input.sendKeys(value);
    }

    /** The label of the chosen language, as the menu shows it. */
    public String language() {
        return browser.read(d -> d.findElement(By.id("profile:language_label")).getText());
    }

    public void chooseLanguage(String label) {
        browser.driver().findElement(By.id("profile:language")).click();
        browser.await(By.cssSelector("#profile\\:language_items li[data-label='" + label + "']"))
                .click();
        browser.awaitText(By.id("profile:language_label"), label);
    }

    public boolean percentEditable() {
        return !browser.driver().findElements(By.id("profile:percent")).isEmpty();
    }

    /** The percent as a merchant sees it, read-only. */
    public String percentShown() {
        return browser.read(d -> d.findElement(By.id("profile:percentShown")).getText());
    }

    /** Saves and returns the growl's messages (the growl is re-rendered with each answer). */
    public List<String> save() {
        By growl = By.cssSelector(".ui-growl-title");
        List<String> before = browser.texts(growl);
        browser.driver().findElement(By.id("profile:save")).click();
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> now = d.findElements(growl).stream()
                            .map(WebElement::getText)
                            .toList();
                    return !now.isEmpty() && !now.equals(before) ? now : null;
                });
    }
}
