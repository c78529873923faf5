package dev.mailgate.audit.service;

import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.IncomingRecord;
import dev.mailgate.outbox.consumer.BatchHandler;
import dev.mailgate.outbox.consumer.BatchProcessor;
import dev.mailgate.outbox.consumer.Received;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records polled batches through the shared {@link BatchProcessor}: one transaction per batch,
 * infrastructure outages waited out; a record the database refuses on its own is recorded as its
 * bare facts with the error, so one poison record never stops the trail and nothing is left out.
 */
@ApplicationScoped
public class RecordingService implements BatchHandler<IncomingRecord> {

  /** This consumer's name in logs, readiness and dead letters. */
  public static final String CONSUMER = "audit-service";

  private final BatchProcessor processor;
  private final AuditRecorder recorder;
  private final MeterRegistry metrics;

  public RecordingService(BatchProcessor processor, AuditRecorder recorder, MeterRegistry metrics) {
    this.processor = processor;
    this.recorder = recorder;
    this.metrics = metrics;
  }

  /** Records {@code records}; returns once every one is in the trail. */
  public void record(List<Received<IncomingRecord>> records) {
    processor.inTransaction(CONSUMER, records, this);
  }

  @Override
  public void handle(List<Received<IncomingRecord>> records) {
    count(recorder.record(records.stream().map(Received::payload).toList()), records.size());
  }

  @Override
  public boolean poisoned(Received<IncomingRecord> record, Throwable failure) {
    Log.errorf(
        "record %s could not be stored (%s); recording its bare facts",
        record.ref().position(), failure);
    metrics.counter("mailgate.audit.events.unreadable").increment();
    count(recorder.recordUnreadable(record.payload(), rootCause(failure)), 1);
    return true;
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
