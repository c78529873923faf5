package dev.mailgate.approval.service.policy;

import dev.mailgate.support.problem.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A mailbox's notification webhook as administrators may set it: http(s), absolute, bounded. */
final class WebhookUrl {

  static final int MAX_LENGTH = 2048;

  private WebhookUrl() {}

  /** The URL to store, null for "" (no webhook); a 400 for anything else that is not one. */
  static String check(String url) {
    String trimmed = url.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw ApiProblem.badRequest(
          "notify_webhook_url is longer than " + MAX_LENGTH + " characters");
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw ApiProblem.badRequest(
            "notify_webhook_url must be an absolute http or https URL, not " + printable(trimmed));
      }
      if (uri.getUserInfo() != null) {
        throw ApiProblem.badRequest("notify_webhook_url must not carry a user name or password");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw ApiProblem.badRequest("notify_webhook_url is not a URL: " + e.getReason());
    }
  }

  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
