package dev.mailgate.approval.console;

/** How many items of a mailbox match: a row of {@link ConsoleQueries#counts}. */
public record MailboxCount(String mailboxId, Long count) {}
