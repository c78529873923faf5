package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The review console of the packaged approval-service as a reviewer's browser sees it: signing in
 * through the link {@code ./mailgate console} prints, the queue, an item, held inbound mail.
 */
final class Console {

  private static Console shared;

  private final WebDriver browser;
  private final String base;

  private Console(WebDriver browser) {
    this.browser = browser;
    this.base = MailGate.shared().approvalUrl() + "/console/";
  }

  /** One browser on the console of {@link MailGate#shared()} per test JVM, quit when it exits. */
  static synchronized Console shared() {
    if (shared == null) {
      MailGate.shared();
      WebDriver browser = Chromium.start();
      Runtime.getRuntime().addShutdownHook(new Thread(browser::quit, "console-browser-quit"));
      shared = new Console(browser);
    }
    return shared;
  }

  WebDriver browser() {
    return browser;
  }

  /**
   * Opens {@code /console/#token=…} as printed by {@code ./mailgate console}; lands on the queue.
   */
  void signIn(String token) {
    browser.get(base + "#token=" + token);
    Chromium.until(browser, ExpectedConditions.urlContains("/console/queue"));
    Chromium.until(browser, ExpectedConditions.presenceOfElementLocated(By.id("who")));
    assertThat(browser.getCurrentUrl()).doesNotContain("token");
  }

  /** The queue narrowed to items whose subject, body or agent contain {@code text}. */
  void queue(String text) {
    get("queue?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    Chromium.until(browser, ExpectedConditions.presenceOfElementLocated(By.id("rows")));
  }

  /** Opens a console path (relative to {@code /console/}). */
  void get(String path) {
    browser.get(base + path);
  }

  /** Opens an item's page. */
  void item(String intentId) {
    get("items/" + intentId);
    Chromium.until(browser, ExpectedConditions.presenceOfElementLocated(By.id("state")));
  }

  /** The card of a held inbound email on the inbound view. */
  WebElement inboundCard(String emailId) {
    get("queue?view=inbound");
    return Chromium.until(
        browser,
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("li.card[data-email='" + emailId + "']")));
  }

  /** Submits one of a card's forms and waits for the inbound view without that card. */
  void decideInbound(WebElement card, By button) {
    String emailId = card.getAttribute("data-email");
    card.findElement(button).click();
    Chromium.until(browser, ExpectedConditions.stalenessOf(card));
    Chromium.until(browser, ExpectedConditions.urlContains("/console/queue?view=inbound"));
    assertThat(browser.findElements(By.cssSelector("li.card[data-email='" + emailId + "']")))
        .isEmpty();
  }

  /** The queue row of {@code intentId}, once the page shows it. */
  WebElement row(String intentId) {
    return Chromium.until(
        browser,
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#rows tr[data-id='" + intentId + "']")));
  }

  /**
   * The text of the row of {@code intentId}. The page re-renders its rows while it polls, so the
   * row is looked up afresh until it can be read.
   */
  String rowText(String intentId) {
    return Chromium.until(browser, d -> row(intentId).getText());
  }

  /** Ticks the row's checkbox for a bulk decision (and keeps at it should the rows re-render). */
  void select(String intentId) {
    Chromium.until(
        browser,
        d -> {
          WebElement box = row(intentId).findElement(By.cssSelector("input[name=id]"));
          if (!box.isSelected()) {
            box.click();
          }
          return box.isSelected();
        });
  }

  /** The ids of the rows the queue shows now. */
  List<String> rowIds() {
    return Chromium.until(
        browser,
        d ->
            d.findElements(By.cssSelector("#rows tr[data-id]")).stream()
                .map(tr -> tr.getAttribute("data-id"))
                .toList());
  }

  /** Waits until the item page shows {@code state}. */
  void awaitState(String state) {
    Chromium.until(browser, ExpectedConditions.textToBe(By.id("state"), state));
  }

  String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  void screenshot(String name) {
    Chromium.screenshot(browser, name);
  }

  /**
   * What of the page could run or navigate: every element with an {@code on…} attribute, every
   * {@code javascript:} link or source, every script other than the console's own file. Empty when
   * content was rendered inert.
   */
  @SuppressWarnings("unchecked")
  List<String> liveContent() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                """
                var found = [];
                document.querySelectorAll('*').forEach(function (el) {
                  for (var i = 0; i < el.attributes.length; i++) {
                    var a = el.attributes[i];
                    var name = a.name.toLowerCase();
                    var value = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                    if (name.indexOf('on') === 0) {
                      found.push(el.tagName + ' ' + name + '=' + a.value);
                    }
                    if ((name === 'href' || name === 'src' || name === 'action'
                        || name === 'formaction' || name === 'xlink:href')
                        && value.indexOf('javascript:') === 0) {
                      found.push(el.tagName + ' ' + name + '=' + a.value);
                    }
                  }
                });
                document.querySelectorAll('script').forEach(function (s) {
                  if (s.getAttribute('src') !== '/console/static/console.js') {
                    found.push('SCRIPT ' + (s.getAttribute('src') || s.textContent.slice(0, 80)));
                  }
                });
                document.querySelectorAll('img, iframe, object, embed').forEach(function (el) {
                  found.push(el.tagName + ' ' + (el.getAttribute('src') || el.getAttribute('data')));
                });
                return found;
                """);
  }
}
