package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What a console session may see and do is what its token grants: a reviewer of one mailbox sees
 * nothing of another (queue, counts, item pages, actions); the admin page is for admin tokens.
 */
class ConsoleScopeIT {

  private final Console console = Console.shared();

  @Test
  void aReviewerOfOneMailboxSeesNothingOfAnother() {
    String tag = ConsoleIT.tag();
    String mine =
        ConsoleIT.held(
            Intents.send(
                MailGate.GATED_ALL,
                "Engineer",
                Intents.recipient(),
                "Mine to review " + tag,
                "In my mailbox."));
    String theirs =
        ConsoleIT.held(
            Intents.send(
                MailGate.GATED,
                "Engineer",
                Intents.recipient(),
                "Not mine " + tag,
                "In another mailbox."));

    console.signIn(TestTokens.reviewer("olav.reviewer", MailGate.GATED_ALL));
    console.queue(tag);
    console.row(mine);
    assertThat(console.rowIds()).containsExactly(mine);
    List<String> countedMailboxes =
        console.browser().findElements(By.cssSelector("#counts tr td:first-child")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(countedMailboxes).contains(MailGate.GATED_ALL).doesNotContain(MailGate.GATED);
    assertThat(console.text("main")).doesNotContain("Not mine", MailGate.GATED);

    console.get("queue?mailbox=" + MailGate.GATED);
    assertThat(console.rowIds()).isEmpty();
    assertThat(console.text("rows")).contains("Nothing waiting here.");
    console.get("queue?view=inbound&mailbox=" + MailGate.GATED);
    assertThat(console.browser().findElements(By.cssSelector("li.card"))).isEmpty();

    console.get("items/" + theirs);
    assertThat(console.text("error-message"))
        .isEqualTo("No item " + theirs + " in your mailboxes.");
    assertThat(console.browser().getPageSource()).doesNotContain("Not mine", "another mailbox");
    console.screenshot("refused-item");

    // Even with a valid CSRF token of this session, a decision on the other mailbox is refused.
    console.get("queue");
    Object status =
        ((JavascriptExecutor) console.browser())
            .executeAsyncScript(
                """
                var done = arguments[arguments.length - 1];
                var csrf = document.querySelector('input[name=_csrf]').value;
                fetch('/console/items/' + encodeURIComponent(arguments[0]) + '/reject', {
                  method: 'POST',
                  credentials: 'same-origin',
                  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                  body: new URLSearchParams({ _csrf: csrf, reason: 'not mine to reject' })
                }).then(function (r) { done(r.status); }, function (e) { done(String(e)); });
                """,
                theirs);
    assertThat(status).isEqualTo(404L);
    String owner = TestTokens.reviewer("rita.reviewer", MailGate.GATED);
    Http.Reply item = Http.get(MailGate.shared().approvalUrl() + "/api/reviews/" + theirs, owner);
    assertThat(item.body().path("item").path("state").asText()).isEqualTo("held");
  }

  @Test
  void administratorsSeeTheMailboxesReviewersDoNot() {
    console.signIn(TestTokens.reviewer("olav.reviewer", MailGate.GATED_ALL));
    assertThat(console.browser().findElements(By.linkText("Admin"))).isEmpty();
    console.get("admin");
    assertThat(console.text("error-message")).isNotBlank();
    assertThat(console.browser().findElements(By.cssSelector("section.mailbox"))).isEmpty();

    console.signIn(TestTokens.admin("ada.admin"));
    console.browser().findElement(By.linkText("Admin")).click();
    WebElement gated =
        Chromium.until(
            console.browser(),
            d -> d.findElement(By.cssSelector("section.mailbox[data-mailbox='e2e_gated']")));
    assertThat(gated.getText()).contains("gated_send", "ProductManager", "Architect", "Engineer");
    Map<String, String> modes =
        Map.of(
            MailGate.GATED_ALL, "gated_all",
            MailGate.AUTONOMOUS, "autonomous",
            MailGate.READ_ONLY, "read_only");
    modes.forEach(
        (mailbox, mode) ->
            assertThat(
                    console
                        .browser()
                        .findElement(
                            By.cssSelector("section.mailbox[data-mailbox='" + mailbox + "'] h2"))
                        .getText())
                .contains(mode));
    console.screenshot("admin");
  }
}
