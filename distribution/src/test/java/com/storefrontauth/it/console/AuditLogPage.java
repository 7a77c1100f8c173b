package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /admin/events.xhtml?store=…}: the store's audit log, newest first, filterable by customer. */
public final class AuditLogPage {

    private final Browser browser;

    private AuditLogPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("list:events"));
    }

    public static AuditLogPage open(Browser browser, String storeId) {
        browser.open("/admin/events.xhtml?store=" + storeId);
        return new AuditLogPage(browser);
    }

    /** The log already filtered by a customer, as the customer's page links to it. */
    public static AuditLogPage openFor(Browser browser, String storeId, String customer) {
        browser.open("/admin/events.xhtml?store=" + storeId + "&customer=" + customer);
        return new AuditLogPage(browser);
    }

    /** The log the browser was led to (by a link). */
    public static AuditLogPage shown(Browser browser) {
        return new AuditLogPage(browser);
    }

    public List<String> types() {
        return browser.texts(By.cssSelector("#list\\:events .event-type"));
    }

    /** Each row's subject as shown. */
    public List<String> subjects() {
        return browser.texts(By.cssSelector("#list\\:events .event-subject"));
    }

    /** The id shown on hover over the first row whose subject reads {@code shown}. */
    public String idOf(String shown) {
        return browser.read(d -> d.findElements(By.cssSelector("#list\\:events .event-subject")).stream()
                .filter(subject -> subject.getText().equals(shown))
                .findFirst()
                .map(s -> s.getAttribute("title"))
                .orElse(null));
    }

    /** Filters by a customer's email, phone or id. */
    public void filterByCustomer(String customer) {
        WebElement input = browser.driver().findElement(By.id("filter:customer"));
        input.clear();
        input.sendKeys(customer);
        WebElement table = browser.driver().findElement(By.id("list:events"));
        browser.driver().findElement(By.id("filter:apply")).click();
        browser.awaitReplaced(table);
        browser.await(By.id("list:events"));
    }
}
