package dev.mailgate.multimail.client.model;

import java.time.Instant;
import java.util.List;

/** An email as listed (in a mailbox listing or a thread): no body. */
public record EmailSummary(
    String id,
    String from,
    List<String> to,
    String subject,
    String direction,
    String status,
    Integer spamScore,
    String spamVerdict,
    Instant receivedAt,
    String threadId,
    Boolean hasAttachments,
    Instant deliveredAt,
    Instant bouncedAt,
    String bounceType) {}
