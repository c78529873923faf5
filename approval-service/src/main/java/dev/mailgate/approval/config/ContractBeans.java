package dev.mailgate.approval.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.validation.IntentReader;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The event contract's pieces as beans, and its JSON style for the REST API too. */
@ApplicationScoped
public class ContractBeans {

  @Produces
  @Singleton
  IntentReader intentReader() {
    return IntentReader.withDefaults();
  }

  /** REST bodies use the same snake_case JSON as the events. */
  @Singleton
  static class JsonStyle implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
      EventJson.configure(mapper);
    }
  }
}
