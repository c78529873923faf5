package dev.mailgate.agent;

import java.time.Instant;

/** Where an intent was written on {@code mail.intents}, keyed by its mailbox. */
public record Receipt(
    String intentId, String mailboxId, String eventId, int partition, long offset, Instant since) {}
