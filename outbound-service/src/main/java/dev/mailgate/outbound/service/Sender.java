package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.IntentKind;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.model.Attachment;
import dev.mailgate.multimail.client.model.ReplyRequest;
import dev.mailgate.multimail.client.model.SendRequest;
import dev.mailgate.multimail.client.model.SendResult;
import dev.mailgate.outbound.domain.Verdict;
import dev.mailgate.outbox.logging.LogContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * One call to MultiMail, send or reply, always with the intent id as {@code idempotency_key}, so a
 * repeated call (after a timeout, a crash, a redelivery) never sends a second email.
 */
@ApplicationScoped
public class Sender {

  private final MultiMailClient client;
  private final Reachability reachability;
  private final DeliveryMetrics metrics;

  public Sender(MultiMailClient client, Reachability reachability, DeliveryMetrics metrics) {
    this.client = client;
    this.reachability = reachability;
    this.metrics = metrics;
  }

  public Verdict attempt(ApprovedEmail email) {
    try (LogContext context = LogContext.intent(email.intentId(), email.mailboxId())) {
      return attemptInContext(email);
    }
  }

  private Verdict attemptInContext(ApprovedEmail email) {
    long began = System.nanoTime();
    Verdict verdict;
    try {
      SendResult result = call(email);
      reachability.answered(200);
      verdict = new Verdict.Accepted(result.id(), result.threadId(), result.status());
    } catch (MultiMailException e) {
      if (e.status() == 0) {
        reachability.noAnswer(e.getMessage());
      } else {
        reachability.answered(e.status());
      }
      verdict = classify(e);
    } catch (IllegalArgumentException e) {
      verdict = new Verdict.Permanent(0, e.getMessage());
    }
    metrics.called(verdict, System.nanoTime() - began);
    return verdict;
  }

  private SendResult call(ApprovedEmail email) {
    List<Attachment> attachments =
        email.attachments().stream()
            .map(a -> new Attachment(a.name(), a.contentBase64(), a.contentType()))
            .toList();
    if (email.kind() == IntentKind.REPLY) {
      ReplyRequest reply =
          new ReplyRequest(
              email.markdown(), email.cc(), email.bcc(), attachments, email.intentId());
      return client.reply(email.mailboxId(), email.replyToEmailId(), reply);
    }
    SendRequest send =
        new SendRequest(
            email.to(),
            email.subject(),
            email.markdown(),
            email.cc(),
            email.bcc(),
            attachments,
            email.intentId(),
            null,
            null);
    return client.send(email.mailboxId(), send);
  }

  static Verdict classify(MultiMailException e) {
    String error = e.error().orElse(e.getMessage());
    Integer status = e.status() == 0 ? null : e.status();
    Optional<java.time.Duration> retryAfter = e.retryAfter();
    return switch (e.kind()) {
      case QUOTA_EXHAUSTED -> new Verdict.QuotaExhausted(error, retryAfter);
      case RATE_LIMITED -> new Verdict.RateLimited(error, retryAfter);
      case REFUSED -> new Verdict.Permanent(e.status(), error);
      case UNAUTHORIZED -> {
        // Our key, not the email, is wrong: keep the email and retry until an operator fixes it.
        Log.errorf("MultiMail rejects the configured API key: %s", error);
        yield new Verdict.Transient(e.kind(), status, error, retryAfter, false);
      }
      case SERVER_ERROR, TIMEOUT, CONNECTION, UNREADABLE_ANSWER ->
          new Verdict.Transient(e.kind(), status, error, retryAfter, e.mayHaveBeenApplied());
    };
  }
}
