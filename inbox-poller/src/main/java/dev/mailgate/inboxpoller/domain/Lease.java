package dev.mailgate.inboxpoller.domain;

import java.time.Instant;

/**
 * The outcome of asking for a mailbox: when {@code acquired}, this instance may poll from {@code
 * cursor}; otherwise another instance holds it. {@code lastSuccessAt} is the last successful poll
 * by any instance.
 */
public record Lease(String mailboxId, boolean acquired, String cursor, Instant lastSuccessAt) {}
