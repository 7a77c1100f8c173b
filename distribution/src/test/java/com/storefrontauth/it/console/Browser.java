package com.storefrontauth.it.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its own chromedriver (no driver download), on a fresh profile, with
 * screenshots saved under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    public Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,860",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The texts of the elements found, read again when an Ajax update replaced them while reading. */
    public java.util.List<String> texts(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(locator).stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /** Reads something from the page, again when an Ajax update replaced the element while reading. */
    public <T> T read(java.util.function.Function<WebDriver, T> reading) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(reading::apply);
    }

    public void awaitGone(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until an Ajax update has replaced the element. */
    public void awaitReplaced(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(element));
    }

    /** Whether the element shows the text within the time (no failure when it does not). */
    public boolean showsWithin(By locator, String text, Duration time) {
        try {
            new WebDriverWait(driver, time).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    public void awaitText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public void awaitPath(String suffix) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> path().startsWith(suffix));
    }

    /**
     * Clicks a copy button as a merchant would and answers what it put on the clipboard (the page's own
     * script must do it: the console's Content-Security-Policy runs no inline handler).
     */
    public String copiedBy(By button) {
        String origin = java.net.URI.create(base).resolve("/").toString();
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Browser.grantPermissions",
                        java.util.Map.of(
                                "origin",
                                origin.substring(0, origin.length() - 1),
                                "permissions",
                                java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript("navigator.clipboard.writeText('').then(arguments[0], arguments[0])");
        await(button).click();
        return new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            Object text = ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeAsyncScript(
                            "navigator.clipboard.readText().then(arguments[0], function () { arguments[0](''); })");
            return text == null || text.toString().isEmpty() ? null : text.toString();
        });
    }

    /** Clicks the "Yes" of the console's confirmation dialog. */
    public void confirm() {
        await(By.cssSelector("button.ui-confirmdialog-yes")).click();
    }

    /** Saves the page, scrolled to its top, as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
