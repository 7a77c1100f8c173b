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

    /** Signs in and lands on the dashboard, the console's first page. */
    public DashboardPage signIn(String email, String password) {
        submit(email, password);
        browser.awaitPath(DashboardPage.PATH);
        return new DashboardPage(browser);
    }

    /** Signs out through the button every console page has in its header. */
    public static SignInPage signOut(Browser browser) {
        browser.driver().findElement(By.id("account:signout")).click();
        browser.awaitPath(PATH);
        return new SignInPage(browser);
    }

    /** The error the page shows after a refused sign-in. */
    public String error() {
        return browser.await(By.cssSelector("#signin\\:messages .ui-messages-error-summary"))
                .getText();
    }
}
