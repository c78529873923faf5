package dev.mailgate.approval.messaging;

import dev.mailgate.approval.service.DeadLetters;
import dev.mailgate.approval.service.IntentIntake;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.intents} in polled batches, one transaction per batch (intents, decisions
 * and outbox events together; offsets are committed after it). If a batch fails, each record is
 * retried in its own transaction and a record that still fails goes to the dead-letter topic, so
 * one poison record never stops the consumer.
 */
@ApplicationScoped
public class IntentConsumer {

  public static final String CHANNEL = "intents";

  private final IntentIntake intake;
  private final DeadLetters deadLetters;

  public IntentConsumer(IntentIntake intake, DeadLetters deadLetters) {
    this.intake = intake;
    this.deadLetters = deadLetters;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
    batch.forEach(records::add);
    try {
      QuarkusTransaction.requiringNew().run(() -> intake.take(records));
    } catch (RuntimeException failure) {
      Log.warnf(failure, "a batch of %d intents failed; retrying them one by one", records.size());
      records.forEach(this::takeAlone);
    }
  }

  private void takeAlone(ConsumerRecord<String, byte[]> record) {
    try {
      QuarkusTransaction.requiringNew().run(() -> intake.take(List.of(record)));
    } catch (RuntimeException failure) {
      Log.errorf(
          failure,
          "intent at %s-%d@%d failed alone; dead-lettering it",
          record.topic(),
          record.partition(),
          record.offset());
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  deadLetters.send(
                      record,
                      "processing failed: "
                          + failure.getClass().getSimpleName()
                          + ": "
                          + failure.getMessage()));
    }
  }
}
