package dev.mailgate.approval.domain;

import dev.mailgate.events.WireEnum;

/** How much a mailbox's mail is watched; the same names as MultiMail's modes. */
public enum OversightMode implements WireEnum {
  /** Outbound rejected by policy; inbound released. */
  READ_ONLY,
  /** Outbound and inbound held for review. */
  GATED_ALL,
  /** Outbound held for review; inbound released. The default. */
  GATED_SEND,
  /** Outbound delivered at once and listed for after-the-fact review. */
  MONITORED,
  /** Outbound delivered at once. */
  AUTONOMOUS;

  /**
   * Whether this mode lets more mail out without a person than {@code other} (declaration order).
   */
  public boolean moreAutonomousThan(OversightMode other) {
    return ordinal() > other.ordinal();
  }

  public static OversightMode fromWire(String wire) {
    return Wire.parse(OversightMode.class, wire);
  }
}
