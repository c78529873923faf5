package dev.mailgate.multimail.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** MultiMail's JSON dialect: snake_case, unknown fields ignored, mixed timestamp encodings. */
final class MultiMailJson {

  private MultiMailJson() {}

  static ObjectMapper mapper() {
    SimpleModule timestamps = new SimpleModule("multimail-timestamps");
    timestamps.addDeserializer(Instant.class, new FlexibleInstantDeserializer());
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(timestamps)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * MultiMail sends ISO-8601 strings for emails and epoch milliseconds for mailboxes and usage;
   * accept both wherever an instant is expected.
   */
  static final class FlexibleInstantDeserializer extends StdDeserializer<Instant> {

    FlexibleInstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochMilli(parser.getLongValue());
      }
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        return Instant.ofEpochMilli((long) parser.getDoubleValue());
      }
      String text = parser.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
          if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
          }
          return (Instant) context.handleWeirdStringValue(Instant.class, text, "not a timestamp");
        }
      }
    }
  }
}
