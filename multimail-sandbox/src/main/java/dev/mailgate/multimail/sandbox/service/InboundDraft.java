package dev.mailgate.multimail.sandbox.service;

import java.util.List;

/** An inbound email injected through the test controls. */
public record InboundDraft(
    String mailboxId,
    String from,
    List<String> to,
    String subject,
    String markdown,
    String threadId,
    String inReplyTo) {}
