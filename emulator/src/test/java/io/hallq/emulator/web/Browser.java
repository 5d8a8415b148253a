package io.hallq.emulator.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, both given by path so Selenium Manager never
 * looks for (or downloads) anything. A fresh profile per browser; nothing leaves the loopback interface.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Where screenshots go; -Dhallq.screenshots=../docs/screenshots refreshes the committed ones. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("hallq.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("hallq-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=zh-CN",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        // the page's console (script errors, failed loads), for failure messages
        o.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        size(width, height);
    }

    /** Sets the page's viewport (not the window) to exactly this size. */
    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Object inner = js("return [window.innerWidth, window.innerHeight];");
        @SuppressWarnings("unchecked")
        java.util.List<Long> wh = (java.util.List<Long>) inner;
        int dw = width - wh.get(0).intValue();
        int dh = height - wh.get(1).intValue();
        // Window chrome is a few dozen pixels; a larger difference means the page still reports the size it had
        // before the resize (a race on a busy machine), and "correcting" by it would ask for a negative window.
        if ((dw != 0 || dh != 0) && Math.abs(dw) <= 200 && Math.abs(dh) <= 200) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Signs in on the page's login form: waits for the form (the shared script writes it as it loads), fills it
     * in and submits it with Enter.
     */
    void login(String user, String password) {
        until(d -> !d.findElements(By.id("login-user")).isEmpty() && find("#login-user").isDisplayed());
        find("#login-user").clear();
        find("#login-user").sendKeys(user);
        find("#login-password").clear();
        find("#login-password").sendKeys(password, org.openqa.selenium.Keys.ENTER);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to 10 s for the condition to be true (or non-null). */
    <T> T until(Function<WebDriver, T> condition) {
        // pages re-render on every push: an element found a moment ago may be replaced
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited 10 s in vain; the page showed: " + state(), e);
        }
    }

    /** What the page in front shows, for a failure message: its address, data attributes and text. */
    String state() {
        try {
            Object s = js("var b = document.body; return location.href + ' ' + JSON.stringify(b ? b.dataset : null)"
                    + " + ' | ' + (b ? b.innerText.replace(/\\s+/g, ' ').slice(0, 600) : '');");
            StringBuilder console = new StringBuilder();
            driver.manage().logs().get("browser").forEach(e -> console.append("\n  console: ").append(e.getLevel())
                    .append(' ').append(e.getMessage()));
            return s + console.toString();
        } catch (RuntimeException e) {
            return "(could not read the page: " + e.getMessage() + ")";
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
