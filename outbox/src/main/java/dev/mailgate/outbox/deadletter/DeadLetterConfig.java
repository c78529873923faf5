package dev.mailgate.outbox.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Which dead-letter topics this service lists and replays ({@code mailgate.dead-letters.*}). */
@ConfigMapping(prefix = "mailgate.dead-letters")
public interface DeadLetterConfig {

  /** The dead-letter topics of the topics this service consumes; none by default. */
  Optional<List<String>> topics();

  /** Most records a listing reads. */
  @WithDefault("1000")
  int maxList();
}
