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

    /**
     * Opens the menu and clicks the language, as a merchant does; once more when the click did not take (seen
     * once in CI: the item, far down the long list, clicked while the panel was still opening or scrolling).
     */
    public void chooseLanguage(String label) {
        By item = By.cssSelector("#profile\\:language_items li[data-label='" + label + "']");
        By chosen = By.id("profile:language_label");
        for (int attempt = 1; attempt < 3; attempt++) {
            if (browser.driver().findElements(item).stream().noneMatch(WebElement::isDisplayed)) {
                browser.driver().findElement(By.id("profile:language")).click();
            }
            browser.await(item).click();
            if (browser.showsWithin(chosen, label, Duration.ofSeconds(3))) {
                return;
            }
        }
        browser.awaitText(chosen, label);
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
