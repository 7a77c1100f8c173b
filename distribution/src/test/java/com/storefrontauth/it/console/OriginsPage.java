package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /admin/origins.xhtml?store=…}: the origins a store's storefront may call from. */
public final class OriginsPage {

    private final Browser browser;

    public OriginsPage(Browser browser) {
        this.browser = browser;
        browser.await(By.tagName("h1"));
    }

    public void add(String origin) {
        WebElement input = browser.driver().findElement(By.id("create:origin"));
        input.clear();
        input.sendKeys(origin);
        browser.driver().findElement(By.id("create:add")).click();
    }

    public List<String> origins() {
        return browser.texts(By.cssSelector("code.origin-value"));
    }

    public void awaitOrigin(String origin) {
        browser.await(By.xpath("//code[contains(@class,'origin-value') and text()='" + origin + "']"));
    }
}
