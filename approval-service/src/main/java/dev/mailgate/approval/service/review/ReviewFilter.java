package dev.mailgate.approval.service.review;

import dev.mailgate.support.security.MailboxScope;

/**
 * What a review listing shows: pending items, or (monitored) already-sent items listed for
 * after-the-fact review; optionally narrowed by mailbox, role, team or conflict group.
 */
public record ReviewFilter(
    boolean monitored,
    String mailbox,
    String role,
    String team,
    String conflictId,
    MailboxScope scope) {}
