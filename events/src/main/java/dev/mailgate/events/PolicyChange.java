package dev.mailgate.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A change to a mailbox's oversight policy ({@code mail.policies}): its mode, role grants,
 * recipient rules or limits, by an administrator or by the seed file at start.
 *
 * @param change what changed, e.g. {@code mailbox.updated}, {@code grant.removed}
 * @param before the policy element before the change, absent when it was created
 * @param after the policy element after the change, absent when it was removed
 */
public record PolicyChange(
    String changeId,
    String mailboxId,
    String change,
    Actor actor,
    JsonNode before,
    JsonNode after,
    Instant occurredAt) {}
