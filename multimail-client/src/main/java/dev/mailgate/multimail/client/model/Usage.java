package dev.mailgate.multimail.client.model;

import java.time.Instant;

/** {@code GET /v1/usage} summary; {@code from}/{@code to} arrive as epoch milliseconds. */
public record Usage(
    Instant from,
    Instant to,
    Long emailsSent,
    Long emailsReceived,
    Long apiCalls,
    Long oversightActions) {}
