package dev.mailgate.outbox.logging;

import dev.mailgate.outbox.consumer.RecordRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Puts what is being handled into the logging MDC for the lines written meanwhile (in JSON logs the
 * {@code mdc} field): the record's {@code event_id}, {@code mailbox_id} (its key) and position
 * ({@code record}), or an {@code intent_id}. Closing restores what was there before, so contexts
 * nest (a record, then each intent in it).
 */
public final class LogContext implements AutoCloseable {

  public static final String EVENT_ID = "event_id";
  public static final String MAILBOX_ID = "mailbox_id";
  public static final String INTENT_ID = "intent_id";
  public static final String RECORD = "record";

  private final Map<String, Object> previous = new LinkedHashMap<>();

  private LogContext() {}

  /** The context of one consumed record. */
  public static LogContext of(RecordRef ref) {
    return new LogContext()
        .put(EVENT_ID, ref.eventId())
        .put(MAILBOX_ID, ref.key())
        .put(RECORD, ref.position());
  }

  /** The context of one intent of a mailbox. */
  public static LogContext intent(String intentId, String mailboxId) {
    return new LogContext().put(INTENT_ID, intentId).put(MAILBOX_ID, mailboxId);
  }

  private LogContext put(String key, String value) {
    if (value != null && !value.isBlank()) {
      previous.put(key, MDC.get(key));
      MDC.put(key, value.length() > 200 ? value.substring(0, 200) : value);
    }
    return this;
  }

  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }
}
