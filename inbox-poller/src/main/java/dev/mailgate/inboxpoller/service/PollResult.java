package dev.mailgate.inboxpoller.service;

import java.time.Instant;

/**
 * What one poll of a mailbox did: whether this instance held the mailbox, how many emails it
 * emitted, and the last successful poll by any instance.
 */
public record PollResult(boolean leased, int emitted, Instant lastSuccessAt) {}
