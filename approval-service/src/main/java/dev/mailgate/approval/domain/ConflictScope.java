package dev.mailgate.approval.domain;

import dev.mailgate.events.WireEnum;

/**
 * What makes two intents to the same recipients or thread a conflict: {@code topic} (the default) —
 * the same subject matter with differing content; {@code any_role} — any second role writing to the
 * same recipient or thread, whatever it is about.
 */
public enum ConflictScope implements WireEnum {
  TOPIC,
  ANY_ROLE;

  public static ConflictScope fromWire(String wire) {
    return Wire.parse(ConflictScope.class, wire);
  }
}
