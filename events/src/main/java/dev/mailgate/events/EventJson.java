package dev.mailgate.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of every MailGate event: snake_case fields, ISO-8601 UTC instants and
 * durations, nulls left out, unknown fields ignored (fields are only ever added to the contract).
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private EventJson() {}

  /** A shared, fully configured mapper; thread-safe, do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Applies the event configuration to {@code mapper} (e.g. Quarkus's own) and returns it. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }
}
