package dev.mailgate.inboxpoller.config;

import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one MultiMail client of the service (thread-safe); the key stays out of every log line. */
@ApplicationScoped
public class MultiMailClientProducer {

  @Produces
  @Singleton
  MultiMailClient client(PollerConfig config) {
    PollerConfig.MultiMail multimail = config.multimail();
    MultiMailConfig clientConfig =
        MultiMailConfig.builder()
            .baseUrl(multimail.baseUrl())
            .apiKey(multimail.apiKey())
            .connectTimeout(multimail.connectTimeout())
            .requestTimeout(multimail.requestTimeout())
            .build();
    Log.infof("MultiMail at %s", clientConfig.baseUrl());
    return new MultiMailClient(clientConfig);
  }
}
