package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /admin/sessions.xhtml?store=…}: the store's active customer sessions. */
public final class SessionsPage {

    private final Browser browser;

    public SessionsPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("list:sessions"));
    }

    public static SessionsPage open(Browser browser, String storeId) {
        browser.open("/admin/sessions.xhtml?store=" + storeId);
        return new SessionsPage(browser);
    }

    /** Narrows the table to one customer (id or email); blank shows every session again. */
    public void filter(String customer) {
        WebElement input = browser.driver().findElement(By.id("filter:customer"));
        input.clear();
        input.sendKeys(customer);
        WebElement table = browser.driver().findElement(By.id("list:sessions"));
        browser.driver().findElement(By.id("filter:apply")).click();
        browser.awaitReplaced(table);
    }

    public List<String> sessions() {
        return browser.texts(By.cssSelector("#list\\:sessions code.session-id"));
    }

    public List<String> customers() {
        return browser.texts(By.cssSelector("#list\\:sessions .session-customer"));
    }

    public String growl() {
        return String.join(" ", browser.texts(By.cssSelector(".ui-growl-message")));
    }

    public void end(String sessionId) {
        row(sessionId).findElement(By.xpath(".//button[.//text()='End']")).click();
        browser.confirm();
        browser.awaitGone(By.xpath("//code[text()='" + sessionId + "']"));
    }

    /** Ends every session of the customer the given session belongs to. */
    public void endAllOfCustomerOf(String sessionId) {
        row(sessionId)
                .findElement(By.xpath(".//button[.//text()='End all of customer']"))
                .click();
        browser.confirm();
        browser.awaitGone(By.xpath("//code[text()='" + sessionId + "']"));
    }

    private WebElement row(String sessionId) {
        return browser.await(By.xpath("//tbody[@id='list:sessions_data']/tr[.//code[text()='" + sessionId + "']]"));
    }
}
