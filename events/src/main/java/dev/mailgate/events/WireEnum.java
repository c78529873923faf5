package dev.mailgate.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An enum of the contract, written on the wire as its lower-case constant name. */
public interface WireEnum {

  /** The constant's name, e.g. {@code QUOTA_EXHAUSTED}. */
  String name();

  /** The wire value, e.g. {@code quota_exhausted}. */
  @JsonValue
  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
