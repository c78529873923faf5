package dev.mailgate.outbox.consumer;

/** Reads a record value into a contract object; any exception means the value is unreadable. */
@FunctionalInterface
public interface Parser<T> {

  T parse(byte[] value) throws Exception;
}
