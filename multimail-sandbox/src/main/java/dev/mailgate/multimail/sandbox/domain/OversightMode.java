package dev.mailgate.multimail.sandbox.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** MultiMail's oversight modes, by their wire names. */
public enum OversightMode {
  READ_ONLY,
  GATED_ALL,
  GATED_SEND,
  MONITORED,
  AUTONOMOUS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean holdsOutbound() {
    return this == GATED_ALL || this == GATED_SEND;
  }

  public boolean holdsInbound() {
    return this == GATED_ALL;
  }

  public static Optional<OversightMode> fromWire(String value) {
    return Arrays.stream(values()).filter(m -> m.wire().equals(value)).findFirst();
  }
}
