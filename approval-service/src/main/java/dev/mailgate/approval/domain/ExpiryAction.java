package dev.mailgate.approval.domain;

import dev.mailgate.events.WireEnum;

/** What happens to an item nobody reviewed within the mailbox's review TTL. */
public enum ExpiryAction implements WireEnum {
  REJECT,
  APPROVE;

  public static ExpiryAction fromWire(String wire) {
    return Wire.parse(ExpiryAction.class, wire);
  }
}
