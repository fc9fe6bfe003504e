package org.allmende.devinfra;

import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
    /** The audit's target (ADR 0031): WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

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

    /** One element that breaks one of axe-core's rules: where, how bad, and what the rule asks for. */
    public record AccessibilityViolation(String page, String rule, String impact, String target, String help) {
        @Override
        public String toString() {
            return rule + " (" + impact + ") " + target + " on " + page + ": " + help;
        }
    }

    /**
     * Runs axe-core (bundled in its jar, injected through the driver, so the page's content security policy does
     * not refuse it) on the page as it is now, against the WCAG 2.1 A and AA rules; one entry per element.
     */
    public List<AccessibilityViolation> accessibilityViolations() {
        return accessibilityViolations(WCAG_21_AA);
    }

    /** Runs axe-core with the rules of these tags, e.g. also its {@code best-practice} (landmarks, headings). */
    public List<AccessibilityViolation> accessibilityViolations(List<String> tags) {
        var results = new AxeBuilder().withTags(tags).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed on " + path() + ": " + results.getErrorMessage());
        }
        var page = path();
        return results.getViolations().stream()
                .flatMap(rule -> violations(page, rule))
                .toList();
    }

    private static Stream<AccessibilityViolation> violations(String page, Rule rule) {
        return rule.getNodes().stream()
                .map(node -> new AccessibilityViolation(
                        page,
                        rule.getId(),
                        node.getImpact() == null ? rule.getImpact() : node.getImpact(),
                        String.valueOf(node.getTarget()),
                        rule.getHelp()));
    }

    /** Fails with one line per violation (rule id, impact, target selector, help) unless the page has none. */
    public Browser assertAccessible() {
        assertNoViolations(accessibilityViolations());
        return this;
    }

    /** Fails with one line per violation, e.g. for violations collected over many pages. */
    public static void assertNoViolations(List<AccessibilityViolation> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " accessibility violation(s) (WCAG 2.1 AA, axe-core):\n  "
                    + violations.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The window's size in CSS pixels, e.g. a phone's 375 wide to check the responsive layout. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Whether the page scrolls sideways as a whole (WCAG 1.4.10 reflow: only wide tables may, in their box). */
    public boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** Presses keys as a keyboard does, on whatever has the focus (Tab, Enter, Space, letters). */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Tabs forward until the element with the id has the focus (at most {@code limit} presses). */
    public Browser tabTo(String id, int limit) {
        for (var i = 0; i < limit && !id.equals(focusedId()); i++) {
            press(Keys.TAB);
        }
        if (!id.equals(focusedId())) {
            throw new AssertionError(
                    "#" + id + " not reached with " + limit + " Tab presses; focus on #" + focusedId());
        }
        return this;
    }

    /** The id of the element that has the keyboard focus (empty when it has none). */
    public String focusedId() {
        return (String) driver.executeScript("return document.activeElement ? document.activeElement.id : ''");
    }

    /**
     * The focused element's outline as the browser draws it (style, width in px, colour), e.g. {@code solid 3px
     * rgb(26, 86, 219)}; {@code none} when it draws none.
     */
    public String focusIndicator() {
        return (String)
                driver.executeScript(
                        """
                var s = getComputedStyle(document.activeElement);
                return s.outlineStyle === 'none' ? 'none' : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor;
                """);
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
