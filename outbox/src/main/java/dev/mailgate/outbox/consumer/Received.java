package dev.mailgate.outbox.consumer;

/**
 * A consumed record: its reference, its value bytes (kept for dead-lettering), and either the
 * contract object read from them or why they could not be read.
 */
public record Received<T>(RecordRef ref, byte[] value, T payload, String problem) {

  public static <T> Received<T> readable(RecordRef ref, byte[] value, T payload) {
    return new Received<>(ref, value, payload, null);
  }

  public static <T> Received<T> unreadable(RecordRef ref, byte[] value, String problem) {
    return new Received<>(ref, value, null, problem);
  }

  public boolean isReadable() {
    return problem == null;
  }

  /** The value's size in bytes (0 for a record without a value). */
  public int size() {
    return value == null ? 0 : value.length;
  }
}
