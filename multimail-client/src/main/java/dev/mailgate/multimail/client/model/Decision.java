package dev.mailgate.multimail.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The action of {@code POST /v1/oversight/decide}. */
public enum Decision {
  APPROVE,
  REJECT;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
