package com.storefrontauth.it.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;

/** {@code /admin/dashboard.xhtml?store=…}: a store's figures for today and the sign-in chart. */
public final class DashboardPage {

    public static final String PATH = "/admin/dashboard.xhtml";
    private static final Pattern COUNTS = Pattern.compile(": (\\d+) sign-ins, (\\d+) failed$");
    private final Browser browser;

    public DashboardPage(Browser browser) {
        this.browser = browser;
        browser.await(By.cssSelector("h1"));
    }

    public static DashboardPage open(Browser browser, String storeId) {
        browser.open(PATH + "?store=" + storeId);
        DashboardPage page = new DashboardPage(browser);
        browser.await(By.id("signins-today"));
        return page;
    }

    /** A figure card's number: {@code signins-today}, {@code failures-today}, {@code codes-today}, {@code active-sessions}. */
    public long figure(String id) {
        return Long.parseLong(
                browser.read(d -> d.findElement(By.id(id)).getText()).strip());
    }

    /** The chart's bars as their tooltips say, oldest first. */
    public List<String> bars() {
        return browser.read(d -> d.findElements(By.cssSelector(".console-chart-col")).stream()
                .map(bar -> bar.getAttribute("title"))
                .toList());
    }

    /** What the chart's bars add up to. */
    public record Charted(long signIns, long failures) {}

    public Charted charted() {
        long signIns = 0;
        long failures = 0;
        for (String bar : bars()) {
            Matcher counts = COUNTS.matcher(bar);
            if (!counts.find()) {
                throw new AssertionError("a bar without counts: " + bar);
            }
            signIns += Long.parseLong(counts.group(1));
            failures += Long.parseLong(counts.group(2));
        }
        return new Charted(signIns, failures);
    }

    public void showLastSevenDays() {
        browser.driver()
                .findElement(By.xpath("//*[@id='trend:period']//*[text()='Last 7 days']"))
                .click();
        browser.read(d -> d.findElements(By.cssSelector(".console-chart-col")).size() == 7 ? true : null);
    }

    /** Whether the page says the operator has no store yet. */
    public boolean invitesToCreateAStore() {
        return !browser.driver().findElements(By.id("no-stores")).isEmpty();
    }
}
