package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;

/** {@code /admin/outbox.xhtml?store=…}: the messages a test-mode store sent, newest first. */
public final class OutboxPage {

    private final Browser browser;

    private OutboxPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the page once the message to {@code recipient} is on it (the sender delivers in the background). */
    public static OutboxPage openWith(Browser browser, String storeId, String recipient) {
        browser.open("/admin/outbox.xhtml?store=" + storeId);
        browser.awaitText(By.cssSelector("#list\\:messages .message-to"), recipient);
        return new OutboxPage(browser);
    }

    public List<String> codes() {
        return browser.texts(By.cssSelector("#list\\:messages .message-otp"));
    }
}
