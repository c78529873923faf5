package dev.mailgate.approval.console;

import dev.mailgate.events.DecisionState;

/** How many intents of a mailbox are in a state: a row of {@link ConsoleQueries#counts}. */
public record StateCount(String mailboxId, DecisionState state, Long count) {}
