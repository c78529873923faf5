package dev.mailgate.approval.domain;

import java.util.List;

/** What duplicate and conflict detection concluded about a new intent. */
public sealed interface Assessment {

  /** Nothing like it in the window. */
  record Unique() implements Assessment {}

  /** The same content to the same recipients: suppressed, linked to the original. */
  record Duplicate(String originalIntentId) implements Assessment {}

  /** Collides with these recent intents: grouped and held. */
  record Conflict(List<Candidate> with, String why) implements Assessment {}
}
