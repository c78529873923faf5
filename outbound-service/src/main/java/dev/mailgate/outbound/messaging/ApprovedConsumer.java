package dev.mailgate.outbound.messaging;

import dev.mailgate.outbound.service.Intake;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.approved} in polled batches and delivers them ({@link Intake}); the offsets
 * are committed only after the batch's outcomes are committed to the outbox. If recording fails
 * (database down) the batch is taken again a few times — repeated calls are idempotent at MultiMail
 * — before the connector dead-letters it.
 */
@ApplicationScoped
public class ApprovedConsumer {

  public static final String CHANNEL = "approved";
  private static final int TRIES = 3;

  private final Intake intake;

  public ApprovedConsumer(Intake intake) {
    this.intake = intake;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
    batch.forEach(records::add);
    for (int attempt = 1; ; attempt++) {
      try {
        intake.take(records);
        return;
      } catch (RuntimeException failure) {
        if (attempt == TRIES) {
          throw failure;
        }
        Log.warnf(failure, "a batch of %d approved emails failed; taking it again", records.size());
        LockSupport.parkNanos(200_000_000L * attempt);
      }
    }
  }
}
