package dev.mailgate.outbox.consumer;

import java.util.List;

/** What a consumer does with the readable records of a polled batch. */
@FunctionalInterface
public interface BatchHandler<T> {

  /**
   * Applies the records. Throws to have them tried again: as they are when the infrastructure
   * failed, one by one otherwise.
   */
  void handle(List<Received<T>> records);

  /**
   * A record that failed on its own with the infrastructure healthy. Returns whether the consumer
   * took care of it; if not, it is dead-lettered.
   */
  default boolean poisoned(Received<T> record, Throwable failure) {
    return false;
  }
}
