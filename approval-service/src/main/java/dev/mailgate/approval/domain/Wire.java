package dev.mailgate.approval.domain;

import dev.mailgate.events.WireEnum;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses wire names of enums (lower-case constant names) with an error that lists the choices. */
public final class Wire {

  private Wire() {}

  public static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String wire) {
    for (E value : type.getEnumConstants()) {
      if (value.wire().equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + wire
            + "' is not one of "
            + Arrays.stream(type.getEnumConstants())
                .map(WireEnum::wire)
                .collect(Collectors.joining(", ")));
  }
}
