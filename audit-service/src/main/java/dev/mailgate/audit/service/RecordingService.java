package dev.mailgate.audit.service;

import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.IncomingRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records a polled batch in one transaction; if the database refuses the batch, records each event
 * on its own, and an event it still refuses as its bare facts with the error, so one poison record
 * never stops the trail.
 */
@ApplicationScoped
public class RecordingService {

  private final AuditRecorder recorder;
  private final MeterRegistry metrics;

  public RecordingService(AuditRecorder recorder, MeterRegistry metrics) {
    this.recorder = recorder;
    this.metrics = metrics;
  }

  /** Records {@code records}; throws only when not even the bare facts can be stored. */
  public void record(List<IncomingRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      count(recorder.record(records), records.size());
      return;
    } catch (RuntimeException e) {
      Log.warnf("a batch of %d records failed (%s); recording one by one", records.size(), e);
    }
    for (IncomingRecord record : records) {
      try {
        count(recorder.record(List.of(record)), 1);
      } catch (RuntimeException e) {
        Log.errorf(
            "record %s-%d@%d could not be stored (%s); recording its bare facts",
            record.topic(), record.partition(), record.offset(), e);
        metrics.counter("mailgate.audit.events.unreadable").increment();
        count(recorder.recordUnreadable(record, rootCause(e)), 1);
      }
    }
  }

  private void count(List<AuditEvent> appended, int received) {
    for (AuditEvent event : appended) {
      metrics.counter("mailgate.audit.events.recorded", "topic", event.sourceTopic).increment();
    }
    metrics.counter("mailgate.audit.events.duplicate").increment(received - appended.size());
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }
}
