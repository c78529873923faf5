package dev.mailgate.audit.messaging;

import dev.mailgate.audit.domain.IncomingRecord;
import dev.mailgate.audit.service.RecordingService;
import dev.mailgate.outbox.consumer.KafkaRecords;
import dev.mailgate.outbox.consumer.Received;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes every {@code mail.*} topic and its dead-letter topic in batches (channel {@value
 * #CHANNEL}); each polled batch is recorded in one transaction before its offsets are committed:
 * at-least-once delivery, idempotent rows.
 */
@ApplicationScoped
public class AuditTrailConsumer {

  public static final String CHANNEL = "audit-trail";

  private final RecordingService recording;

  public AuditTrailConsumer(RecordingService recording) {
    this.recording = recording;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<byte[], byte[]> records) {
    List<Received<IncomingRecord>> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      List<IncomingRecord.RecordHeader> headers = new ArrayList<>();
      for (Header header : record.headers()) {
        headers.add(new IncomingRecord.RecordHeader(header.key(), header.value()));
      }
      IncomingRecord incoming =
          new IncomingRecord(
              record.topic(),
              record.partition(),
              record.offset(),
              record.timestamp(),
              record.key(),
              record.value(),
              headers);
      batch.add(Received.readable(KafkaRecords.ref(record), record.value(), incoming));
    }
    recording.record(batch);
  }
}
