package dev.mailgate.outbox.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mailgate.events.EventJson;
import java.io.IOException;
import java.util.function.Predicate;

/** Reads a record value into a contract object; any exception means the value is unreadable. */
@FunctionalInterface
public interface Parser<T> {

  T parse(byte[] value) throws Exception;

  /**
   * Reads the contract's JSON into {@code type}; a value that is not JSON of that shape, or that
   * lacks what {@code complete} checks, fails with "not {@code what}: …" naming the problem (or
   * {@code required}).
   */
  static <T> T json(
      byte[] value, Class<T> type, String what, Predicate<T> complete, String required)
      throws IOException {
    T read;
    try {
      read = EventJson.mapper().readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IOException("not " + what + ": " + e.getOriginalMessage(), e);
    }
    if (read == null || !complete.test(read)) {
      throw new IOException("not " + what + ": " + required + " required");
    }
    return read;
  }

  /** True when {@code text} is null or only white space. */
  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
