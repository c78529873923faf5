package dev.mailgate.outbound.messaging;

import dev.mailgate.outbound.service.ApprovalCheck;
import dev.mailgate.outbound.service.ApprovedReader;
import dev.mailgate.outbound.service.Intake;
import dev.mailgate.outbox.consumer.BatchProcessor;
import dev.mailgate.outbox.consumer.KafkaRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.approved} in polled batches and delivers them ({@link Intake}); the offsets
 * are committed only after the batch's outcomes are committed to the outbox. Database outages are
 * waited out; an unreadable record, one whose approval signature does not verify ({@link
 * ApprovalCheck}, before anything else), or one that fails on its own, goes to {@code
 * mail.approved.dlq}.
 */
@ApplicationScoped
public class ApprovedConsumer {

  public static final String CHANNEL = "approved";

  private final BatchProcessor processor;
  private final ApprovalCheck approvals;
  private final Intake intake;

  public ApprovedConsumer(BatchProcessor processor, ApprovalCheck approvals, Intake intake) {
    this.processor = processor;
    this.approvals = approvals;
    this.intake = intake;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    processor.process(
        Intake.CONSUMER,
        approvals.check(KafkaRecords.read(batch, ApprovedReader::read)),
        intake::take);
  }
}
