package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.signing.ApprovalKeys;
import dev.mailgate.events.signing.ApprovalVerifier;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbox.consumer.Received;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first step of every {@code mail.approved} record: its approval must be signed by one of the
 * configured keys over exactly the content it carries. A record that is not (no signature, an
 * unknown key, a signature by another key, any field changed after signing) becomes unreadable with
 * the reason, so it is dead-lettered to {@code mail.approved.dlq} and never delivered; counted as
 * {@code mailgate_outbound_approvals_rejected_total{reason}}. Without keys the service does not
 * start.
 */
@Startup
@Singleton
public class ApprovalCheck {

  private final ApprovalVerifier verifier;
  private final MeterRegistry metrics;

  public ApprovalCheck(OutboundConfig config, MeterRegistry metrics) {
    this.verifier = new ApprovalVerifier(keys(config));
    this.metrics = metrics;
    Log.infof("approvals are verified with Ed25519 keys %s", verifier.keyIds());
  }

  /** The records, with each one whose approval does not verify turned into an unreadable one. */
  public List<Received<ApprovedEmail>> check(List<Received<ApprovedEmail>> records) {
    List<Received<ApprovedEmail>> checked = new ArrayList<>(records.size());
    for (Received<ApprovedEmail> record : records) {
      Optional<ApprovalVerifier.Rejection> rejection =
          record.isReadable()
              ? verifier.verify(record.payload(), record.ref().headers())
              : Optional.empty();
      if (rejection.isPresent()) {
        metrics
            .counter("mailgate.outbound.approvals.rejected", "reason", rejection.get().code())
            .increment();
        Log.warnf(
            "refused %s (intent %s): %s",
            record.ref().position(), record.payload().intentId(), rejection.get().reason());
        checked.add(
            Received.unreadable(
                record.ref(), record.value(), "not delivered: " + rejection.get().reason()));
      } else {
        checked.add(record);
      }
    }
    return checked;
  }

  private static List<java.security.PublicKey> keys(OutboundConfig config) {
    List<String> pems = new ArrayList<>(config.approvalKeys().orElse(List.of()));
    config.approvalKeyFiles().orElse(List.of()).forEach(f -> pems.add(ApprovalKeys.read(f)));
    pems.removeIf(String::isBlank);
    if (pems.isEmpty()) {
      throw new IllegalStateException(
          "outbound-service needs the public key(s) approvals are signed with: set"
              + " MAILGATE_OUTBOUND_APPROVAL_KEY_FILES (X.509 PEM files from `openssl pkey"
              + " -pubout`, comma-separated) or MAILGATE_OUTBOUND_APPROVAL_KEYS (PEM texts);"
              + " `./mailgate up` makes the pair under .stack/keys");
    }
    return pems.stream().map(ApprovalKeys::publicKey).toList();
  }
}
