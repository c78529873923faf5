package dev.mailgate.outbox.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock every decision that depends on time reads; a test may produce its own. */
@ApplicationScoped
public class Clocks {

  @Produces
  @Singleton
  @DefaultBean
  Clock utc() {
    return Clock.systemUTC();
  }
}
