package dev.mailgate.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.events.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST bodies use the same snake_case JSON as the events. */
@Singleton
public class JsonStyle implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    EventJson.configure(mapper);
  }
}
