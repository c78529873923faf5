package dev.mailgate.approval.service.decision;

import dev.mailgate.approval.config.SigningConfig;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.events.signing.ApprovalKeys;
import dev.mailgate.events.signing.ApprovalSignature;
import dev.mailgate.events.signing.ApprovalSigner;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.OutboxMessage;
import dev.mailgate.outbox.OversizedEventException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes approved content on {@code mail.approved}, signed with this service's Ed25519 key
 * (loaded at start: without a usable key the service does not start). The approvals of one
 * transaction are signed together just before it commits — one signature over the hash tree of
 * their canonical forms, each record with its proof — and written to the outbox in that same
 * transaction. Only {@link Decisions} calls it, for content this service decided; nothing read from
 * Kafka is ever signed.
 */
@Startup
@Singleton
public class ApprovalSigning {

  private static final Object KEY = ApprovalSigning.class;

  /** Room for the signature headers when a record's size is checked before it is signed. */
  private static final Map<String, String> LARGEST_SIGNATURE =
      Map.of(
          ApprovalSignature.KEY_HEADER, "k".repeat(16),
          ApprovalSignature.SIGNATURE_HEADER, "s".repeat(86),
          ApprovalSignature.PROOF_HEADER, "p".repeat(1_408));

  private final ApprovalSigner signer;
  private final EventPublisher events;
  private final TransactionManager transactionManager;
  private final TransactionSynchronizationRegistry transactions;

  public ApprovalSigning(
      SigningConfig config,
      EventPublisher events,
      TransactionManager transactionManager,
      TransactionSynchronizationRegistry transactions) {
    this.signer = new ApprovalSigner(ApprovalKeys.privateKey(pem(config)));
    this.events = events;
    this.transactionManager = transactionManager;
    this.transactions = transactions;
    Log.infof("mail.approved records are signed with Ed25519 key %s", signer.keyId());
  }

  /**
   * Publishes {@code email} signed, when the current transaction commits; throws {@link
   * OversizedEventException} at once if the record would be too large.
   */
  void publish(ApprovedEmail email) {
    OutboxMessage probe =
        new OutboxMessage(
            UUID.randomUUID(),
            Topics.APPROVED,
            email.mailboxId(),
            EventTypes.MAIL_APPROVED,
            EventPublisher.json(email),
            LARGEST_SIGNATURE);
    int size = EventPublisher.sizeOf(probe);
    if (size > events.maxRecordBytes()) {
      throw new OversizedEventException(Topics.APPROVED, size, events.maxRecordBytes());
    }
    pending().emails.add(email);
  }

  /** The id of the signing key, for operators. */
  public String keyId() {
    return signer.keyId();
  }

  private Batch pending() {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("approvals are published inside a transaction");
    }
    Batch batch = (Batch) transactions.getResource(KEY);
    if (batch == null) {
      batch = new Batch();
      transactions.putResource(KEY, batch);
      try {
        // Not interposed: it runs before the outbox's own synchronization writes the batch.
        transactionManager.getTransaction().registerSynchronization(batch);
      } catch (SystemException | jakarta.transaction.RollbackException e) {
        throw new IllegalStateException("cannot sign approvals in this transaction", e);
      }
    }
    return batch;
  }

  private final class Batch implements Synchronization {

    private final List<ApprovedEmail> emails = new ArrayList<>();

    @Override
    public void beforeCompletion() {
      List<ApprovalSignature> signatures = signer.signAll(emails);
      for (int i = 0; i < emails.size(); i++) {
        ApprovedEmail email = emails.get(i);
        events.publish(
            Topics.APPROVED,
            email.mailboxId(),
            EventTypes.MAIL_APPROVED,
            email,
            signatures.get(i).headers());
      }
    }

    @Override
    public void afterCompletion(int status) {}
  }

  static String pem(SigningConfig config) {
    if (config.privateKey().isPresent()) {
      return config.privateKey().get();
    }
    return ApprovalKeys.read(
        config
            .privateKeyFile()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "approval-service needs its Ed25519 signing key: set"
                            + " MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY_FILE (a PKCS#8 PEM file from"
                            + " `openssl genpkey -algorithm ed25519`) or"
                            + " MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY (its PEM text);"
                            + " `./mailgate up` makes one under .stack/keys")));
  }
}
