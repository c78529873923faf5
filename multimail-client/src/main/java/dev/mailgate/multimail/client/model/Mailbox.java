package dev.mailgate.multimail.client.model;

import java.time.Instant;

/**
 * A MultiMail mailbox. {@code created_at} arrives as epoch milliseconds; ints stand for booleans.
 */
public record Mailbox(
    String id,
    String tenantId,
    String address,
    String displayName,
    OversightMode oversightMode,
    String autoCc,
    String autoBcc,
    Boolean forwardInbound,
    String signatureBlock,
    Instant createdAt,
    Boolean isActive) {}
