package dev.mailgate.events;

import java.time.Instant;

/**
 * What MultiMail said about delivering one approved email ({@code mail.outcomes}).
 *
 * @param attempt the 1-based try this outcome reports
 * @param providerEmailId MultiMail's email id, once accepted
 * @param providerStatus MultiMail's status string, e.g. {@code pending_scan}, {@code already_sent}
 * @param httpStatus the HTTP status MultiMail answered, absent for timeouts and connection errors
 * @param error MultiMail's {@code error} text or the transport failure
 * @param retryAt for {@link OutcomeStatus#RETRYING}: when the next try is due
 */
public record DeliveryOutcome(
    String intentId,
    String mailboxId,
    OutcomeStatus status,
    Integer attempt,
    String providerEmailId,
    String threadId,
    String providerStatus,
    Integer httpStatus,
    String error,
    Instant retryAt,
    Instant occurredAt) {}
