package dev.mailgate.multimail.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One email with its markdown body. Reading an unread email marks it read. */
public record Email(
    String id,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    Instant receivedAt,
    String threadId,
    String markdown,
    String status,
    String direction,
    Boolean hasAttachments,
    List<AttachmentInfo> attachments,
    Instant deliveredAt,
    Instant bouncedAt,
    String bounceType,
    Instant approvedAt,
    String approvedBy,
    Integer spamScore,
    String spamVerdict,
    Map<String, String> tags) {}
