package dev.mailgate.outbound.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.events.EventJson;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The MultiMail client, the clock, and the contract's JSON style for the REST API. */
@ApplicationScoped
public class OutboundBeans {

  @Produces
  @Singleton
  MultiMailClient multiMail(OutboundConfig config) {
    MultiMailConfig client =
        MultiMailConfig.builder()
            .baseUrl(config.multimail().baseUrl())
            .apiKey(config.multimail().apiKey())
            .connectTimeout(config.multimail().connectTimeout())
            .requestTimeout(config.multimail().requestTimeout())
            .build();
    Log.infof("delivering through MultiMail: %s", client); // toString masks the key
    return new MultiMailClient(client);
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
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
