package dev.mailgate.multimail.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * MultiMail answers 409 to a reply whose content (SHA-256) equals one sent within the window (60
 * s). The sandbox keys on mailbox, replied-to email and markdown.
 */
public final class ReplyDedup {

  private final Clock clock;
  private final Duration window;
  private final Map<String, Instant> seen = new HashMap<>();

  public ReplyDedup(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
  }

  /** Whether the same reply was recorded within the window. */
  public synchronized boolean seenRecently(String mailboxId, String parentId, String markdown) {
    Instant now = clock.instant();
    seen.values().removeIf(expiry -> !now.isBefore(expiry));
    return seen.containsKey(key(mailboxId, parentId, markdown));
  }

  public synchronized void record(String mailboxId, String parentId, String markdown) {
    seen.put(key(mailboxId, parentId, markdown), clock.instant().plus(window));
  }

  private static String key(String mailboxId, String parentId, String markdown) {
    return Hashing.sha256Hex(mailboxId + "\n" + parentId + "\n" + markdown);
  }

  public synchronized void clear() {
    seen.clear();
  }
}
