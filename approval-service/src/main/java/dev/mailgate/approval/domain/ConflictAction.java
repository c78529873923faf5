package dev.mailgate.approval.domain;

import dev.mailgate.events.WireEnum;

/** Whether conflicting intents are held for a human even in monitored and autonomous mode. */
public enum ConflictAction implements WireEnum {
  HOLD,
  IGNORE;

  public static ConflictAction fromWire(String wire) {
    return Wire.parse(ConflictAction.class, wire);
  }
}
