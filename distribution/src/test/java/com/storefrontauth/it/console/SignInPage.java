package com.storefrontauth.it.console;

import org.openqa.selenium.By;

/** {@code /admin/login.xhtml}. */
public final class SignInPage {

    public static final String PATH = "/admin/login.xhtml";
    private final Browser browser;

    public SignInPage(Browser browser) {
        this.browser = browser;
    }

    public static SignInPage open(Browser browser) {
        browser.open(PATH);
        return new SignInPage(browser);
    }

    public void submit(String email, String password) {
        browser.await(By.id("signin:email")).clear();
        browser.driver().findElement(By.id("signin:email")).sendKeys(email);
        browser.driver().findElement(By.id("signin:password")).sendKeys(password);
        browser.driver().findElement(By.id("signin:submit")).click();
    }

    public StoresPage signIn(String email, String password) {
        submit(email, password);
        browser.awaitPath(StoresPage.PATH);
        return new StoresPage(browser);
    }

    /** The error the page shows after a refused sign-in. */
    public String error() {
        return browser.await(By.cssSelector("#signin\\:messages .ui-messages-error-summary")).getText();
    }
}
