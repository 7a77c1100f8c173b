package com.storefrontauth.it.console;

import java.util.List;
import org.openqa.selenium.By;

/** {@code /admin/stores.xhtml}: the stores of the signed-in operator. */
public final class StoresPage {

    public static final String PATH = "/admin/stores.xhtml";
    private final Browser browser;

    public StoresPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("list:stores"));
    }

    public static StoresPage open(Browser browser) {
        browser.open(PATH);
        return new StoresPage(browser);
    }

    public void create(String name, boolean live) {
        browser.driver().findElement(By.id("create:name")).sendKeys(name);
        if (live) {
            browser.driver()
                    .findElement(By.xpath("//*[@id='create:mode']//*[text()='Live']"))
                    .click();
        }
        browser.driver().findElement(By.id("create:open")).click();
        browser.await(row(name));
    }

    public List<String> names() {
        return browser.texts(By.cssSelector("#list\\:stores .store-name"));
    }

    /** The store's id, as the row shows it. */
    public String idOf(String name) {
        return browser.read(
                d -> d.findElement(row(name)).findElement(By.tagName("code")).getText());
    }

    public String statusOf(String name) {
        return browser.read(d -> d.findElement(row(name))
                .findElements(By.cssSelector(".ui-tag"))
                .get(1)
                .getText());
    }

    public void suspend(String name) {
        browser.driver()
                .findElement(row(name))
                .findElement(By.xpath(".//button[.//text()='Suspend']"))
                .click();
        browser.confirm();
        browser.awaitText(row(name), "Resume");
    }

    public KeysPage keys(String name) {
        browser.driver()
                .findElement(row(name))
                .findElement(By.linkText("API keys"))
                .click();
        return new KeysPage(browser);
    }

    public OriginsPage origins(String name) {
        browser.driver()
                .findElement(row(name))
                .findElement(By.linkText("CORS origins"))
                .click();
        return new OriginsPage(browser);
    }

    private static By row(String name) {
        return By.xpath(
                "//tbody[@id='list:stores_data']/tr[.//span[contains(@class,'store-name') and text()='" + name + "']]");
    }
}
