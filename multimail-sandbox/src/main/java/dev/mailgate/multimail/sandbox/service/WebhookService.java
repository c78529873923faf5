package dev.mailgate.multimail.sandbox.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.multimail.sandbox.domain.Email;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.domain.UlidGenerator;
import dev.mailgate.multimail.sandbox.domain.WebhookDelivery;
import dev.mailgate.multimail.sandbox.domain.WebhookSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Webhook subscriptions and their deliveries; inbound mail fires {@code email.received}. */
@ApplicationScoped
public class WebhookService {

  public static final Set<String> RECEIVED_EVENTS = Set.of("email.received", "message.received");
  public static final Set<String> KNOWN_EVENTS =
      Set.of(
          "email.received",
          "message.received",
          "message.sent",
          "message.delivered",
          "message.bounced",
          "message.complained",
          "oversight.pending",
          "oversight.approved",
          "oversight.rejected");

  private final MailboxService mailboxes;
  private final UlidGenerator ids;
  private final WebhookDispatcher dispatcher;
  private final ObjectMapper json;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, WebhookSubscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, WebhookDelivery> deliveries = new LinkedHashMap<>();

  public WebhookService(
      MailboxService mailboxes,
      UlidGenerator ids,
      WebhookDispatcher dispatcher,
      ObjectMapper json,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.ids = ids;
    this.dispatcher = dispatcher;
    this.json = json;
    this.clock = clock;
  }

  public synchronized WebhookSubscription create(
      String url, List<String> events, String mailboxId) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url);
    } catch (IllegalArgumentException e) {
      throw SandboxException.badRequest("url must be an absolute http(s) URL");
    }
    if (uri.getHost() == null || !Set.of("http", "https").contains(uri.getScheme())) {
      throw SandboxException.badRequest("url must be an absolute http(s) URL");
    }
    if (events == null || events.isEmpty() || !KNOWN_EVENTS.containsAll(events)) {
      throw SandboxException.badRequest("events must list known event names, e.g. email.received");
    }
    if (mailboxId != null) {
      mailboxes.get(mailboxId);
    }
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    WebhookSubscription subscription =
        new WebhookSubscription(
            ids.next(),
            url,
            List.copyOf(events),
            mailboxId,
            "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
            clock.instant());
    subscriptions.put(subscription.id(), subscription);
    return subscription;
  }

  public synchronized List<WebhookSubscription> list() {
    return List.copyOf(subscriptions.values());
  }

  public synchronized WebhookSubscription get(String id) {
    WebhookSubscription subscription = subscriptions.get(id);
    if (subscription == null) {
      throw SandboxException.notFound("Webhook subscription not found");
    }
    return subscription;
  }

  public synchronized void delete(String id) {
    get(id);
    subscriptions.remove(id);
  }

  public synchronized List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries.values());
  }

  /** Posts {@code email.received} to every subscription that wants it. */
  public synchronized void emailReceived(Email email) {
    for (WebhookSubscription subscription : subscriptions.values()) {
      String event =
          subscription.events().stream().filter(RECEIVED_EVENTS::contains).findFirst().orElse(null);
      if (event == null || !subscription.wants(event, email.mailboxId())) {
        continue;
      }
      WebhookDelivery delivery =
          new WebhookDelivery(
              ids.next(),
              subscription.id(),
              event,
              subscription.url(),
              "pending",
              0,
              null,
              clock.instant(),
              null);
      deliveries.put(delivery.id(), delivery);
      byte[] body = payload(event, email);
      dispatcher.dispatch(
          new WebhookDispatcher.Post(
              subscription.url(), subscription.signingSecret(), event, delivery.id(), body),
          (status, response) -> attempted(delivery.id(), status, response));
    }
  }

  public synchronized void reset() {
    dispatcher.cancelAll();
    subscriptions.clear();
    deliveries.clear();
  }

  private synchronized void attempted(String deliveryId, String status, Integer response) {
    deliveries.computeIfPresent(
        deliveryId, (id, d) -> d.attempted(status, response, clock.instant()));
  }

  private byte[] payload(String event, Email email) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("email_id", email.id());
    data.put("mailbox_id", email.mailboxId());
    data.put("from", email.from());
    data.put("to", email.to());
    data.put("subject", email.subject());
    data.put("direction", email.direction().wire());
    data.put("has_attachments", email.hasAttachments());
    data.put("thread_id", email.threadId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event);
    body.put("timestamp", clock.instant().toString());
    body.put("data", data);
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise webhook payload", e);
    }
  }
}
