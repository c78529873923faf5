package dev.mailgate.multimail.sandbox.domain;

import java.time.Instant;

/** A sandbox mailbox. */
public record Mailbox(
    String id, String address, String displayName, OversightMode mode, Instant createdAt) {}
