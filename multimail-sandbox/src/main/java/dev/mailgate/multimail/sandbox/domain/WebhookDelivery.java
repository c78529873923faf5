package dev.mailgate.multimail.sandbox.domain;

import java.time.Instant;

/** One event posted (or being posted) to one subscription: pending, delivered or failed. */
public record WebhookDelivery(
    String id,
    String subscriptionId,
    String eventType,
    String url,
    String status,
    int attempts,
    Integer responseStatus,
    Instant createdAt,
    Instant lastAttemptAt) {

  public WebhookDelivery attempted(String newStatus, Integer response, Instant at) {
    return new WebhookDelivery(
        id, subscriptionId, eventType, url, newStatus, attempts + 1, response, createdAt, at);
  }
}
