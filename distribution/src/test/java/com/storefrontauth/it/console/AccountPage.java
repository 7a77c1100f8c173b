package com.storefrontauth.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /admin/account.xhtml}: change one's own password. */
public final class AccountPage {

    private final Browser browser;

    public AccountPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("password:change"));
    }

    public static AccountPage open(Browser browser) {
        browser.open("/admin/account.xhtml");
        return new AccountPage(browser);
    }

    /** Submits the form and answers the growl message it gets. */
    public String changePassword(String current, String next, String repeated) {
        type("password:current", current);
        type("password:next", next);
        type("password:repeat", repeated);
        String before = growl();
        browser.driver().findElement(By.id("password:change")).click();
        return browser.read(d -> {
            String text = growl();
            return text.isBlank() || text.equals(before) ? null : text;
        });
    }

    private String growl() {
        return String.join(" ", browser.texts(By.cssSelector(".ui-growl-message")));
    }

    private void type(String id, String value) {
        WebElement input =
                browser.driver().findElement(By.cssSelector("[id='" + id + "'] input, input[id='" + id + "']"));
        input.clear();
        input.sendKeys(value);
    }
}
