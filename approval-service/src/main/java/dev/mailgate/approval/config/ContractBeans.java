package dev.mailgate.approval.config;

import dev.mailgate.events.validation.IntentReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The event contract's pieces as beans. */
@ApplicationScoped
public class ContractBeans {

  @Produces
  @Singleton
  IntentReader intentReader() {
    return IntentReader.withDefaults();
  }
}
