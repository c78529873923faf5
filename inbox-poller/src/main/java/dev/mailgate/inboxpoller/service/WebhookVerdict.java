package dev.mailgate.inboxpoller.service;

import java.util.List;

/** What a webhook notification got: accepted (polls triggered), ignored, rejected or malformed. */
public record WebhookVerdict(Outcome outcome, String reason, List<String> polled) {

  /** The kinds of verdict. */
  public enum Outcome {
    ACCEPTED,
    IGNORED,
    REJECTED,
    MALFORMED
  }

  static WebhookVerdict accepted(List<String> polled) {
    return new WebhookVerdict(Outcome.ACCEPTED, null, polled);
  }

  static WebhookVerdict ignored(String reason) {
    return new WebhookVerdict(Outcome.IGNORED, reason, List.of());
  }

  static WebhookVerdict rejected(String reason) {
    return new WebhookVerdict(Outcome.REJECTED, reason, List.of());
  }

  static WebhookVerdict malformed(String reason) {
    return new WebhookVerdict(Outcome.MALFORMED, reason, List.of());
  }
}
