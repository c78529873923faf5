package dev.mailgate.multimail.client.model;

import java.time.Instant;
import java.util.List;

/** A conversation, emails in chronological order, without bodies. */
public record EmailThread(
    String threadId,
    Integer messageCount,
    List<String> participants,
    Instant lastActivity,
    Boolean hasUnansweredInbound,
    List<EmailSummary> emails) {}
