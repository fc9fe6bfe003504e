package org.allmende.devinfra;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium of its own (fresh profile: its own cookies, its own session), driven through the system's
 * chromedriver. Nothing is downloaded: the browser and the driver are the Debian packages {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them), named explicitly so Selenium Manager never runs.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("allmende.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("allmende.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(String baseUrl, Path profile, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.driver = driver;
    }

    /** A browser whose user prefers {@code language} (its Accept-Language). */
    public static Browser open(String baseUrl, String language) {
        try {
            var profile = Files.createTempDirectory("allmende-chromium-");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,1400",
                    "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            // the console, to see what the content security policy refused
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            return new Browser(baseUrl, profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser get(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Waits for a navigation (a click on a form's button returns before the next page is there). */
    public Browser awaitPath(String path) {
        await("the page " + path).atMost(PATIENCE).until(() -> path().equals(path));
        return this;
    }

    public WebElement element(String cssSelector) {
        await(cssSelector + " on " + driver.getCurrentUrl())
                .atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector(cssSelector)).isDisplayed());
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public boolean has(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    public String text(String cssSelector) {
        return element(cssSelector).getText();
    }

    public Browser type(String id, String text) {
        var field = element("#" + id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String cssSelector) {
        element(cssSelector).click();
        return this;
    }

    public Browser select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(element("#" + id)).selectByValue(value);
        return this;
    }

    /** Waits until the page's element shows the text (e.g. after an htmx swap or a redirect). */
    public Browser waitForText(String cssSelector, String text) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> driver.findElement(By.cssSelector(cssSelector))
                .getText()
                .contains(text));
        return this;
    }

    /** Reloads until the page shows the element: for what a projection shows a moment after the command. */
    public Browser reloadUntil(String cssSelector, String text) {
        await(cssSelector + " showing " + text + " after reloading")
                .atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> {
                    driver.navigate().refresh();
                    return driver.findElements(By.cssSelector(cssSelector)).stream()
                            .anyMatch(e -> e.getText().contains(text));
                });
        return this;
    }

    public Browser logIn(DemoLogins.Login login) {
        type("username", login.username());
        type("password", login.password());
        return click("#login-submit");
    }

    /** Runs a script in the page (through the driver: the page's content security policy does not apply to it). */
    public Object script(String script) {
        return driver.executeScript(script);
    }

    /** The browser console's errors since the last call, e.g. a script or style the CSP refused. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Fetches a link as this browser would download it: with its cookies (its session), outside the page, so the
     * test can look into the file (a download in headless Chromium lands nowhere a test can see).
     */
    public HttpResponse<byte[]> fetch(String path) {
        var cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .header("Cookie", cookies)
                .GET()
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public String htmlLanguage() {
        return element("html").getAttribute("lang");
    }

    /** Keeps the page as a test artifact under {@code target/browser-screenshots/}. */
    public Path screenshot(String name) {
        try {
            var file = Path.of("target", "browser-screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile does no harm
            }
        }
    }
}
