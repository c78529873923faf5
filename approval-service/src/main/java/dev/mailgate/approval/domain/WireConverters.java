package dev.mailgate.approval.domain;

import dev.mailgate.events.DecisionState;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.WireEnum;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Store enums by their wire names, which the schema's CHECK constraints list. */
final class WireConverters {

  private WireConverters() {}

  /** Writes an enum as its wire name and reads it back, refusing a name the enum does not have. */
  abstract static class ByWireName<E extends Enum<E> & WireEnum>
      implements AttributeConverter<E, String> {

    private final Class<E> type;

    ByWireName(Class<E> type) {
      this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
      return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String wire) {
      return wire == null ? null : Wire.parse(type, wire);
    }
  }

  @Converter(autoApply = true)
  static class Mode extends ByWireName<OversightMode> {
    Mode() {
      super(OversightMode.class);
    }
  }

  @Converter(autoApply = true)
  static class Expiry extends ByWireName<ExpiryAction> {
    Expiry() {
      super(ExpiryAction.class);
    }
  }

  @Converter(autoApply = true)
  static class Kind extends ByWireName<IntentKind> {
    Kind() {
      super(IntentKind.class);
    }
  }

  @Converter(autoApply = true)
  static class Conflict extends ByWireName<ConflictAction> {
    Conflict() {
      super(ConflictAction.class);
    }
  }

  @Converter(autoApply = true)
  static class Scope extends ByWireName<ConflictScope> {
    Scope() {
      super(ConflictScope.class);
    }
  }

  @Converter(autoApply = true)
  static class State extends ByWireName<DecisionState> {
    State() {
      super(DecisionState.class);
    }
  }
}
