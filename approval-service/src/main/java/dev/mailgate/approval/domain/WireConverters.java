package dev.mailgate.approval.domain;

import dev.mailgate.events.DecisionState;
import dev.mailgate.events.IntentKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Store enums by their wire names, which the schema's CHECK constraints list. */
final class WireConverters {

  private WireConverters() {}

  @Converter(autoApply = true)
  static class Mode implements AttributeConverter<OversightMode, String> {
    @Override
    public String convertToDatabaseColumn(OversightMode value) {
      return value == null ? null : value.wire();
    }

    @Override
    public OversightMode convertToEntityAttribute(String wire) {
      return wire == null ? null : OversightMode.fromWire(wire);
    }
  }

  @Converter(autoApply = true)
  static class Expiry implements AttributeConverter<ExpiryAction, String> {
    @Override
    public String convertToDatabaseColumn(ExpiryAction value) {
      return value == null ? null : value.wire();
    }

    @Override
    public ExpiryAction convertToEntityAttribute(String wire) {
      return wire == null ? null : ExpiryAction.fromWire(wire);
    }
  }

  @Converter(autoApply = true)
  static class Kind implements AttributeConverter<IntentKind, String> {
    @Override
    public String convertToDatabaseColumn(IntentKind value) {
      return value == null ? null : value.wire();
    }

    @Override
    public IntentKind convertToEntityAttribute(String wire) {
      return wire == null ? null : IntentKind.valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  @Converter(autoApply = true)
  static class Conflict implements AttributeConverter<ConflictAction, String> {
    @Override
    public String convertToDatabaseColumn(ConflictAction value) {
      return value == null ? null : value.wire();
    }

    @Override
    public ConflictAction convertToEntityAttribute(String wire) {
      return wire == null ? null : ConflictAction.fromWire(wire);
    }
  }

  @Converter(autoApply = true)
  static class Scope implements AttributeConverter<ConflictScope, String> {
    @Override
    public String convertToDatabaseColumn(ConflictScope value) {
      return value == null ? null : value.wire();
    }

    @Override
    public ConflictScope convertToEntityAttribute(String wire) {
      return wire == null ? null : ConflictScope.fromWire(wire);
    }
  }

  @Converter(autoApply = true)
  static class State implements AttributeConverter<DecisionState, String> {
    @Override
    public String convertToDatabaseColumn(DecisionState value) {
      return value == null ? null : value.wire();
    }

    @Override
    public DecisionState convertToEntityAttribute(String wire) {
      return wire == null ? null : Wire.parse(DecisionState.class, wire);
    }
  }
}
