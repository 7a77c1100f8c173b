package com.storefrontauth.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** {@code /admin/keys.xhtml?store=…}: a store's API keys. */
public final class KeysPage {

    private final Browser browser;

    public KeysPage(Browser browser) {
        this.browser = browser;
        browser.await(By.tagName("h1"));
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    public void create(String label, boolean secret) {
        if (secret) {
            browser.driver()
                    .findElement(By.xpath("//*[@id='create:type']//*[text()='Secret']"))
                    .click();
        }
        browser.driver().findElement(By.id("create:label")).sendKeys(label);
        browser.driver().findElement(By.id("create:issue")).click();
        browser.await(row(label));
    }

    /** Creates a secret key, the operator's password asked again. */
    public void createSecret(String label, String password) {
        submitSecret(label, password);
        browser.await(row(label));
    }

    /** Tries to create a secret key with this password and answers the growl message it gets. */
    public String refusedSecret(String label, String password) {
        String before = growl();
        submitSecret(label, password);
        return browser.read(d -> {
            String text = growl();
            return text.isBlank() || text.equals(before) ? null : text;
        });
    }

    public boolean listed(String label) {
        return !browser.driver().findElements(row(label)).isEmpty();
    }

    private void submitSecret(String label, String password) {
        browser.driver()
                .findElement(By.xpath("//*[@id='create:type']//*[text()='Secret']"))
                .click();
        WebElement labelInput = browser.driver().findElement(By.id("create:label"));
        labelInput.clear();
        labelInput.sendKeys(label);
        WebElement passwordInput = browser.driver().findElement(By.cssSelector("input[id='create:password']"));
        passwordInput.clear();
        passwordInput.sendKeys(password);
        browser.driver().findElement(By.id("create:issue")).click();
    }

    private String growl() {
        return String.join(" ", browser.texts(By.cssSelector(".ui-growl-message")));
    }

    /** The secret key shown once after creating one. */
    public String shownSecret() {
        return browser.await(By.id("secret-value")).getAttribute("value");
    }

    /** What the secret key's Copy button puts on the clipboard. */
    public String copiedSecret() {
        return browser.copiedBy(By.id("copy-secret"));
    }

    /** The publishable key value (or a secret key's hint) of the row with this label. */
    public String keyOf(String label) {
        return browser.read(d -> d.findElement(row(label))
                .findElement(By.cssSelector("code.key-value"))
                .getText());
    }

    /**
     * What a hostile operator could do: the create form's postbacks now name another store, in the URL
     * the form posts to and in a field of their own. Answers the URL the form now posts to.
     */
    public String tamperPostbacksToName(String storeId) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var form = document.getElementById('create');"
                                + "form.action = form.action.split('?')[0] + '?store=' + encodeURIComponent(arguments[0]);"
                                + "var field = document.createElement('input'); field.type = 'hidden'; field.name = 'store';"
                                + "field.value = arguments[0]; form.appendChild(field); return form.action;",
                        storeId);
    }

    public void revoke(String label) {
        browser.driver()
                .findElement(row(label))
                .findElement(By.xpath(".//button[.//text()='Revoke']"))
                .click();
        browser.confirm();
        // only active keys are listed: a revoked one leaves the table
        browser.awaitGone(row(label));
    }

    private static By row(String label) {
        return By.xpath("//tbody[@id='list:keys_data']/tr[td[1][normalize-space()='" + label + "']]");
    }
}
