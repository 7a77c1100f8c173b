package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;

/** {@code /admin/integrate.xhtml?store=…}: the store's id, key, origins and copy-ready snippets. */
public final class IntegratePage {

    private final Browser browser;

    private IntegratePage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("integrate-store-id"));
    }

    public static IntegratePage open(Browser browser, String storeId) {
        browser.open("/admin/integrate.xhtml?store=" + storeId);
        return new IntegratePage(browser);
    }

    public String storeId() {
        return browser.driver().findElement(By.id("integrate-store-id")).getText();
    }

    public String publishableKey() {
        return browser.driver().findElement(By.id("integrate-key")).getText();
    }

    public List<String> origins() {
        return browser.texts(By.cssSelector(".integrate-origin"));
    }

    /** A snippet's text exactly as a merchant copies it (the element's text content, whitespace kept). */
    public String snippet(String id) {
        return browser.driver().findElement(By.id("snippet-" + id)).getAttribute("textContent");
    }
}
