package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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

    /** Rotates, the admin's password asked again, and waits for the new key. */
    public void rotate(String password) {
        String newest = kids().get(0);
        submitRotation(password);
        browser.read(d -> kids().isEmpty() || kids().get(0).equals(newest) ? null : true);
    }

    /** Tries to rotate with this password and answers the growl message it gets. */
    public String refusedRotation(String password) {
        String before = growl();
        submitRotation(password);
        return browser.read(d -> {
            String text = growl();
            return text.isBlank() || text.equals(before) ? null : text;
        });
    }

    private void submitRotation(String password) {
        // the previous attempt's confirmation may still be fading out
        browser.awaitGone(By.cssSelector("button.ui-confirmdialog-yes"));
        WebElement input = browser.driver().findElement(By.cssSelector("input[id='rotate:password']"));
        input.clear();
        input.sendKeys(password);
        browser.driver().findElement(By.id("rotate:rotateKey")).click();
        browser.confirm();
    }

    private String growl() {
        return String.join(" ", browser.texts(By.cssSelector(".ui-growl-message")));
    }
}
