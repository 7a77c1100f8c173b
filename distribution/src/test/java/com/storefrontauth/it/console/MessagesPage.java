package com.storefrontauth.it.console;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /admin/messages.xhtml?store=…}: a store's message templates, with the live preview. */
public final class MessagesPage {

    private static final By PREVIEW_TEXT = By.id("preview-text");
    private static final By PREVIEW_REFUSAL = By.id("preview-refusal");

    private final Browser browser;

    public MessagesPage(Browser browser) {
        this.browser = browser;
        browser.await(By.id("messages:save"));
    }

    public static MessagesPage open(Browser browser, String storeId) {
        browser.open("/admin/messages.xhtml?store=" + storeId);
        return new MessagesPage(browser);
    }

    /** The language the page says the built-in texts are in. */
    public String builtInLanguage() {
        return browser.read(d -> d.findElement(By.id("builtin-language")).getText());
    }

    public void chooseKind(String label) {
        WebElement status = browser.driver().findElement(By.id("status"));
        browser.driver().findElement(By.id("messages:kind")).click();
        browser.await(By.cssSelector("#messages\\:kind_items li[data-label='" + label + "']"))
                .click();
        browser.awaitReplaced(status);
    }

    public String subject() {
        return browser.read(d -> d.findElement(By.id("messages:subject")).getAttribute("value"));
    }

    public String text() {
        return browser.read(d -> d.findElement(By.id("messages:text")).getAttribute("value"));
    }

    /** Types a new subject and text; the preview follows as they are typed. */
    public void write(String subject, String text) {
        WebElement subjectField = browser.driver().findElement(By.id("messages:subject"));
        subjectField.clear();
        subjectField.sendKeys(subject);
        WebElement textField = browser.driver().findElement(By.id("messages:text"));
        textField.clear();
        textField.sendKeys(text);
    }

    /**
     * The preview's text (SMS, WhatsApp and the email's text part) once it reads {@code expected}, or what
     * the preview shows instead after waiting (its text or its refusal), for the assertion to name.
     */
    public String previewText(String expected) {
        return awaitShown(PREVIEW_TEXT, expected);
    }

    /** The preview's refusal once it reads {@code expected}, or what the preview shows instead after waiting. */
    public String previewRefusal(String expected) {
        return awaitShown(PREVIEW_REFUSAL, expected);
    }

    private String awaitShown(By locator, String expected) {
        try {
            return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        List<WebElement> shown = d.findElements(locator);
                        return !shown.isEmpty() && shown.get(0).getText().equals(expected) ? expected : null;
                    });
        } catch (TimeoutException notShown) {
            return browser.read(d -> d.findElements(By.cssSelector("#preview-text, #preview-refusal")).stream()
                    .map(WebElement::getText)
                    .reduce("", String::concat));
        }
    }

    public String previewSubject() {
        return browser.read(d -> d.findElement(By.id("preview-subject")).getText());
    }

    /** The body text of the HTML part as the preview frame renders it. */
    public String previewHtmlText() {
        browser.driver().switchTo().frame(browser.driver().findElement(By.id("preview-html")));
        try {
            return browser.read(d -> d.findElement(By.tagName("body")).getText());
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    public boolean resetEnabled() {
        // not through Browser.read: a wait takes false for "not yet"
        return browser.driver().findElement(By.id("messages:reset")).isEnabled();
    }

    public List<String> save() {
        return growlAfter(
                () -> browser.driver().findElement(By.id("messages:save")).click());
    }

    public List<String> reset() {
        return growlAfter(() -> {
            browser.driver().findElement(By.id("messages:reset")).click();
            browser.confirm();
        });
    }

    /** Runs the action and returns the growl's messages (the growl is re-rendered with each answer). */
    private List<String> growlAfter(Runnable action) {
        By growl = By.cssSelector(".ui-growl-title");
        List<String> before = browser.texts(growl);
        action.run();
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> now = d.findElements(growl).stream()
                            .map(WebElement::getText)
                            .toList();
                    return !now.isEmpty() && !now.equals(before) ? now : null;
                });
    }
}
