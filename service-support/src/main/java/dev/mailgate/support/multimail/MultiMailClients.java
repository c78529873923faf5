package dev.mailgate.support.multimail;

import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one MultiMail client of a service (thread-safe); the key stays out of every log line. */
@ApplicationScoped
public class MultiMailClients {

  @Produces
  @Singleton
  MultiMailClient client(MultiMailSettings settings) {
    MultiMailConfig config =
        MultiMailConfig.builder()
            .baseUrl(settings.baseUrl())
            .apiKey(settings.apiKey())
            .connectTimeout(settings.connectTimeout())
            .requestTimeout(settings.requestTimeout())
            .build();
    Log.infof("MultiMail: %s", config); // its toString masks the key
    return new MultiMailClient(config);
  }
}
