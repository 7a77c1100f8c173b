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
        java.util.List<String> before = growlTitles();
        browser.driver().findElement(By.id("policy:save")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> !growlTitles().isEmpty() && !growlTitles().equals(before));
        java.util.List<String> titles = growlTitles();
        return titles.get(titles.size() - 1);
    }

    private java.util.List<String> growlTitles() {
        return browser.driver().findElements(By.cssSelector(".ui-growl-title")).stream().map(WebElement::getText).toList();
    }

    private WebElement input(String field) {
        return browser.driver().findElement(By.cssSelector("input.policy-" + field));
    }
}
