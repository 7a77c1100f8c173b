package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;

/** {@code /admin/signing-keys.xhtml}: the platform's signing keys (platform admin only). */
public final class SigningKeysPage {

    public static final String PATH = "/admin/signing-keys.xhtml";
    private final Browser browser;

    public SigningKeysPage(Browser browser) {
        this.browser = browser;
        browser.await(By.tagName("h1"));
    }

    public static SigningKeysPage open(Browser browser) {
        browser.open(PATH);
        return new SigningKeysPage(browser);
    }

    public boolean refused() {
        return !browser.driver().findElements(By.id("not-allowed")).isEmpty();
    }

    /** Key ids, newest first. */
    public List<String> kids() {
        return browser.texts(By.cssSelector("#list\\:keys code.kid"));
    }

    public List<String> statuses() {
        return browser.texts(By.cssSelector("#list\\:keys .key-status"));
    }

    public void rotate() {
        String newest = kids().get(0);
        browser.driver().findElement(By.id("rotate:rotateKey")).click();
        browser.confirm();
        browser.read(d -> kids().isEmpty() || kids().get(0).equals(newest) ? null : true);
    }
}
