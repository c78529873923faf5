package dev.mailgate.multimail.sandbox.domain;

import java.util.Locale;

/** Whether an email came in or goes out. */
public enum Direction {
  INBOUND,
  OUTBOUND;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
