package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;

/** {@code /admin/events.xhtml?store=…}: the store's audit log, newest first. */
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

    public List<String> types() {
        return browser.texts(By.cssSelector("#list\\:events .event-type"));
    }
}
