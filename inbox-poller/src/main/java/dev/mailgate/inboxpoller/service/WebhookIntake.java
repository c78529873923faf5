package dev.mailgate.inboxpoller.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.inboxpoller.domain.WebhookReplayRepository;
import dev.mailgate.inboxpoller.domain.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Handles MultiMail's inbound notifications. Only a body signed with the configured secret, stamped
 * within the tolerance and not accepted before counts; it never supplies content, it only triggers
 * a poll of its mailbox (of every mailbox when it names none), so a forged or replayed notification
 * is refused (401) and a genuine one can at most cause a poll that finds nothing new.
 */
@ApplicationScoped
public class WebhookIntake {

  private static final Set<String> RECEIVED = Set.of("email.received", "message.received");

  private final PollerConfig.Webhook config;
  private final WebhookReplayRepository replays;
  private final PollScheduler scheduler;
  private final MeterRegistry registry;

  private final Clock clock;

  public WebhookIntake(
      PollerConfig config,
      WebhookReplayRepository replays,
      PollScheduler scheduler,
      MeterRegistry registry,
      Clock clock) {
    this.clock = clock;
    this.config = config.webhook();
    this.replays = replays;
    this.scheduler = scheduler;
    this.registry = registry;
  }

  @Transactional
  public WebhookVerdict receive(byte[] body, String signature) {
    WebhookVerdict verdict = judge(body, signature);
    registry
        .counter("mailgate.poller.webhooks", "outcome", verdict.outcome().name().toLowerCase())
        .increment();
    return verdict;
  }

  private WebhookVerdict judge(byte[] body, String signature) {
    String secret = config.signingSecret().orElse(null);
    if (secret == null) {
      return WebhookVerdict.rejected("no webhook signing secret is configured");
    }
    if (!WebhookSignature.matches(secret, body, signature)) {
      return WebhookVerdict.rejected("invalid signature");
    }
    JsonNode notification;
    try {
      notification = EventJson.mapper().readTree(body);
    } catch (IOException e) {
      return WebhookVerdict.malformed("the body is not JSON");
    }
    if (notification == null || !notification.isObject()) {
      return WebhookVerdict.malformed("the body is not a JSON object");
    }
    if (!fresh(notification.path("timestamp").asText(""))) {
      return WebhookVerdict.rejected("stale or missing timestamp");
    }
    replays.forgetOlderThan(config.tolerance().multipliedBy(2));
    if (!replays.firstSeen(WebhookSignature.sha256Hex(body))) {
      return WebhookVerdict.rejected("replayed notification");
    }
    if (!RECEIVED.contains(notification.path("event").asText(""))) {
      return WebhookVerdict.ignored("not an inbound notification");
    }
    String mailboxId = notification.path("data").path("mailbox_id").asText(null);
    List<String> targets = mailboxId == null ? scheduler.mailboxes() : List.of(mailboxId);
    List<String> polled = targets.stream().filter(scheduler::trigger).toList();
    return polled.isEmpty()
        ? WebhookVerdict.ignored("mailbox not polled here")
        : WebhookVerdict.accepted(polled);
  }

  private boolean fresh(String timestamp) {
    try {
      Duration age = Duration.between(Instant.parse(timestamp), clock.instant()).abs();
      return age.compareTo(config.tolerance()) <= 0;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
