package dev.mailgate.audit.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.events.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST JSON speaks like the event contract: snake_case, ISO-8601 instants, nulls left out. */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    EventJson.configure(mapper);
  }
}
