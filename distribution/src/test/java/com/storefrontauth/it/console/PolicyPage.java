package com.storefrontauth.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /admin/policy.xhtml?store=…}: a store's login and OTP policy. */
public final class PolicyPage {

    private final Browser browser;

    public PolicyPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("policy:save"));
    }

    public static PolicyPage open(Browser browser, String storeId) {
        browser.open("/admin/policy.xhtml?store=" + storeId);
        return new PolicyPage(browser);
    }

    public java.util.List<String> labels() {
        return browser.texts(By.cssSelector(".console-policy-label"));
    }

    public String value(String field) {
        return input(field).getAttribute("value");
    }

    public void set(String field, String value) {
        WebElement input = input(field);
        input.clear();
        input.sendKeys(value);
    }

    /** Saves and returns the growl's message (the growl is re-rendered with each answer). */
    public String save() {
        By growl = By.cssSelector(".ui-growl-title");
        java.util.List<String> before = browser.texts(growl);
        browser.driver().findElement(By.id("policy:save")).click();
        java.util.List<String> after = new org.openqa.selenium.support.ui.WebDriverWait(
                        browser.driver(), java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    java.util.List<String> now = d.findElements(growl).stream()
                            .map(WebElement::getText)
                            .toList();
                    return !now.isEmpty() && !now.equals(before) ? now : null;
                });
        return after.get(after.size() - 1);
    }

    private WebElement input(String field) {
        return browser.driver().findElement(By.cssSelector("input.policy-" + field));
    }
}
