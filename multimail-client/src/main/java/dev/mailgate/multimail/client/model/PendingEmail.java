package dev.mailgate.multimail.client.model;

import java.time.Instant;
import java.util.List;

/** An email waiting in the oversight queue. */
public record PendingEmail(
    String id,
    String mailboxId,
    String direction,
    String from,
    List<String> to,
    String subject,
    String bodyMarkdown,
    String status,
    Instant receivedAt) {}
