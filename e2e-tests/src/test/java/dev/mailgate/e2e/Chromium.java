package dev.mailgate.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (packages {@code chromium} and {@code
 * chromium-driver}, which {@code ./mailgate test} installs); nothing is downloaded. Screenshots go
 * to {@code e2e-tests/target/console-screenshots}.
 */
final class Chromium {

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("mailgate.e2e.screenshots", "target/console-screenshots"));

  /** How long a page may take to show what a test waits for (the pipeline included). */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private Chromium() {}

  static WebDriver start() {
    Path browser = Path.of(System.getProperty("mailgate.chromium", "/usr/bin/chromium"));
    Path driver = Path.of(System.getProperty("mailgate.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
      fail(
          "The review console's browser tests need Debian's headless Chromium and chromedriver ("
              + browser
              + ", "
              + driver
              + "): install them with `apt-get install -y chromium chromium-driver`, or run"
              + " ./mailgate test, which installs them.");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Waits for {@code condition}; on a timeout the failure shows the page the browser had. */
  static <T> T until(WebDriver driver, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, PATIENCE)
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      screenshot(driver, "failure");
      throw new AssertionError(
          e.getMessage() + "\nat " + driver.getCurrentUrl() + ":\n" + visibleText(driver), e);
    }
  }

  private static String visibleText(WebDriver driver) {
    try {
      String text = driver.findElement(By.tagName("body")).getText();
      return text.length() > 4_000 ? text.substring(0, 4_000) + "…" : text;
    } catch (RuntimeException e) {
      return driver.getPageSource();
    }
  }

  /** Saves what the browser shows as {@code console-screenshots/<name>.png}. */
  static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
