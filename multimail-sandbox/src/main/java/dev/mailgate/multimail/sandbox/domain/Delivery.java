package dev.mailgate.multimail.sandbox.domain;

import java.time.Instant;
import java.util.List;

/**
 * An outbound email that reached "delivery" (left the sandbox). {@code contentSha256} is the
 * SHA-256 hex of the markdown.
 */
public record Delivery(
    String emailId,
    String mailboxId,
    String kind,
    String idempotencyKey,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String markdown,
    String contentSha256,
    Instant deliveredAt) {}
