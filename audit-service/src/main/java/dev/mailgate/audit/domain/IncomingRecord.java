package dev.mailgate.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Kafka record as read, before any interpretation: nothing about it is trusted yet. */
public record IncomingRecord(
    String topic,
    int partition,
    long offset,
    long timestamp,
    byte[] key,
    byte[] value,
    List<RecordHeader> headers) {

  /** One record header; the value may be any bytes. */
  public record RecordHeader(String name, byte[] value) {}

  /** The last value of header {@code name} as UTF-8 text, or null. */
  public String header(String name) {
    String found = null;
    for (RecordHeader header : headers) {
      if (header.name().equals(name) && header.value() != null) {
        found = new String(header.value(), StandardCharsets.UTF_8);
      }
    }
    return found;
  }
}
