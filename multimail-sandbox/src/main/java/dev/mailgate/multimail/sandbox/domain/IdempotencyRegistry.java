package dev.mailgate.multimail.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys seen on send/reply, each remembered for the TTL (24 h at MultiMail). */
public final class IdempotencyRegistry {

  private record Entry(String emailId, Instant expiresAt) {}

  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry> entries = new HashMap<>();

  public IdempotencyRegistry(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The email id first sent with this key, while the key is still remembered. */
  public synchronized Optional<String> emailFor(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.emailId());
  }

  public synchronized void remember(String key, String emailId) {
    entries.put(key, new Entry(emailId, clock.instant().plus(ttl)));
  }

  public synchronized void clear() {
    entries.clear();
  }
}
