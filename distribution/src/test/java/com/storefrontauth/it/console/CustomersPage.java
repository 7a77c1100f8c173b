package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /admin/customers.xhtml?store=…}: search, open a customer, end their sessions. */
public final class CustomersPage {

    private final Browser browser;

    public CustomersPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("list:customers"));
    }

    public static CustomersPage open(Browser browser, String storeId) {
        browser.open("/admin/customers.xhtml?store=" + storeId);
        return new CustomersPage(browser);
    }

    public void search(String query) {
        WebElement input = browser.driver().findElement(By.id("search:query"));
        input.clear();
        input.sendKeys(query);
        // the unfiltered list may already show the query: wait for the search's answer to replace it
        WebElement table = browser.driver().findElement(By.id("list:customers"));
        browser.driver().findElement(By.id("search:find")).click();
        browser.awaitReplaced(table);
        browser.awaitText(By.id("list:customers"), query);
    }

    public List<String> emails() {
        return browser.texts(By.cssSelector("#list\\:customers .customer-email"));
    }

    /** Opens the customer whose email is shown and returns the ids of their active sessions. */
    public List<String> openCustomer(String email) {
        browser.driver()
                .findElement(By.xpath("//tr[.//span[contains(@class,'customer-email') and text()='" + email
                        + "']]//button[.//text()='Open']"))
                .click();
        browser.awaitText(By.id("customer-heading"), email);
        return sessions();
    }

    public List<String> sessions() {
        return browser.texts(By.cssSelector("code.session-id"));
    }

    public void endSession(String sessionId) {
        browser.driver()
                .findElement(By.xpath("//tr[.//code[text()='" + sessionId + "']]//button[.//text()='End']"))
                .click();
        browser.confirm();
        browser.awaitGone(By.xpath("//code[text()='" + sessionId + "']"));
    }

    /** The event types of the open customer's recent sign-ins and failures, newest first. */
    public List<String> signIns() {
        return browser.texts(By.cssSelector("#customer\\:signins .signin-type"));
    }

    /** Whether the email shown in the result table fits in its cell, not cut off. */
    public boolean emailFitsItsCell(String email) {
        WebElement shown = browser.driver()
                .findElement(By.xpath("//span[contains(@class,'customer-email') and text()='" + email + "']"));
        Object fits = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                        "const text = arguments[0].getBoundingClientRect(), cell = arguments[0].closest('td');"
                                + "const box = cell.getBoundingClientRect();"
                                + "return text.right <= box.right + 0.5 && cell.scrollWidth <= cell.clientWidth;",
                        shown);
        return Boolean.TRUE.equals(fits);
    }

    public void switchStatus() {
        browser.driver().findElement(By.id("customer:status")).click();
        browser.confirm();
    }
}
