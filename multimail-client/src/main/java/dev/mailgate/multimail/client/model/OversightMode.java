package dev.mailgate.multimail.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A mailbox's oversight mode; {@link #UNKNOWN} for a mode this client does not know yet. */
public enum OversightMode {
  READ_ONLY,
  GATED_ALL,
  GATED_SEND,
  MONITORED,
  AUTONOMOUS,
  UNKNOWN;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OversightMode fromWire(String value) {
    for (OversightMode mode : values()) {
      if (mode.wire().equals(value)) {
        return mode;
      }
    }
    return UNKNOWN;
  }
}
