package dev.mailgate.approval.service.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.approval.domain.Intent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A notification's body: Slack-compatible ({@code text}, in Slack's mrkdwn with agent-supplied
 * strings escaped and cut short) plus a {@code mailgate} object for other receivers.
 */
final class NotificationText {

  static final String HELD = "held";
  static final String EXPIRING = "expiring";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FIELD = 200;

  private NotificationText() {}

  static String payload(String kind, Intent intent, String consoleUrl, Instant now) {
    String link =
        consoleUrl + "/items/" + URLEncoder.encode(intent.intentId, StandardCharsets.UTF_8);
    String left =
        intent.expiresAt == null ? "no expiry" : "expires in " + left(intent.expiresAt, now);
    String what = HELD.equals(kind) ? "Waiting for review" : "About to expire";
    String text =
        String.format(
            "%s in %s (%s): \u201c%s\u201d from %s of team %s, %s. <%s|Review it>",
            what,
            slack(intent.mailboxId),
            intent.state.wire(),
            slack(intent.subject == null ? "(no subject)" : intent.subject),
            slack(intent.role),
            slack(intent.team),
            left,
            link);
    ObjectNode body = JSON.createObjectNode();
    body.put("text", text);
    ObjectNode mailgate = body.putObject("mailgate");
    mailgate.put("event", kind);
    mailgate.put("intent_id", intent.intentId);
    mailgate.put("mailbox_id", intent.mailboxId);
    mailgate.put("state", intent.state.wire());
    mailgate.put("team", cut(intent.team));
    mailgate.put("role", cut(intent.role));
    mailgate.put("subject", cut(intent.subject));
    mailgate.put("expires_at", intent.expiresAt == null ? null : intent.expiresAt.toString());
    mailgate.put("review_url", link);
    return body.toString();
  }

  /** Slack's three control characters escaped, line breaks flattened, long text cut. */
  static String slack(String value) {
    return cut(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replaceAll("[\\r\\n\\t]+", " ");
  }

  private static String cut(String value) {
    if (value == null) {
      return "";
    }
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) + "…" : value;
  }

  private static String left(Instant expiresAt, Instant now) {
    Duration left = Duration.between(now, expiresAt);
    if (left.isNegative()) {
      return "0 min";
    }
    long hours = left.toHours();
    long minutes = left.toMinutesPart();
    return hours > 0 ? hours + " h " + minutes + " min" : Math.max(1, minutes) + " min";
  }
}
