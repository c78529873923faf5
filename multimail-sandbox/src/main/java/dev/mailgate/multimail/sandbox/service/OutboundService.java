package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.domain.Direction;
import dev.mailgate.multimail.sandbox.domain.Email;
import dev.mailgate.multimail.sandbox.domain.EmailStatus;
import dev.mailgate.multimail.sandbox.domain.EmailStore;
import dev.mailgate.multimail.sandbox.domain.IdempotencyRegistry;
import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.domain.MonthlyQuota;
import dev.mailgate.multimail.sandbox.domain.OutboundDraft;
import dev.mailgate.multimail.sandbox.domain.OutboundValidator;
import dev.mailgate.multimail.sandbox.domain.OversightMode;
import dev.mailgate.multimail.sandbox.domain.ReplyDedup;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.domain.UlidGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Send and reply with MultiMail's semantics. Checks run in this order: mailbox (404), body (400),
 * read_only (403), idempotent replay (200), duplicate reply (409), monthly quota (429). Serialised,
 * so two concurrent sends with one idempotency key create one email.
 */
@ApplicationScoped
public class OutboundService {

  /** The accepted email, or the original one when {@code replay}. */
  public record Accepted(Email email, boolean replay) {}

  private final MailboxService mailboxes;
  private final EmailStore store;
  private final IdempotencyRegistry idempotency;
  private final ReplyDedup dedup;
  private final MonthlyQuota quota;
  private final DeliveryService delivery;
  private final UlidGenerator ids;
  private final Clock clock;

  public OutboundService(
      MailboxService mailboxes,
      EmailStore store,
      IdempotencyRegistry idempotency,
      ReplyDedup dedup,
      MonthlyQuota quota,
      DeliveryService delivery,
      UlidGenerator ids,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.store = store;
    this.idempotency = idempotency;
    this.dedup = dedup;
    this.quota = quota;
    this.delivery = delivery;
    this.ids = ids;
    this.clock = clock;
  }

  public synchronized Accepted send(String mailboxId, OutboundDraft draft) {
    Mailbox mailbox = mailboxes.get(mailboxId);
    OutboundValidator.validateSend(required(draft));
    requireWritable(mailbox);
    Optional<Accepted> replay = replay(draft.idempotencyKey());
    if (replay.isPresent()) {
      return replay.get();
    }
    consumeQuota();
    Email email = store(mailbox, draft, draft.to(), draft.subject(), ids.next(), null);
    return new Accepted(release(mailbox, email), false);
  }

  public synchronized Accepted reply(String mailboxId, String emailId, OutboundDraft draft) {
    Mailbox mailbox = mailboxes.get(mailboxId);
    Email parent =
        store
            .find(mailboxId, emailId)
            .orElseThrow(() -> SandboxException.notFound("Email not found"));
    OutboundValidator.validateReply(required(draft));
    requireWritable(mailbox);
    Optional<Accepted> replay = replay(draft.idempotencyKey());
    if (replay.isPresent()) {
      return replay.get();
    }
    if (dedup.seenRecently(mailboxId, emailId, draft.markdown())) {
      throw new SandboxException(
          409, "Duplicate reply: identical content was sent to this email within the last 60 s");
    }
    consumeQuota();
    dedup.record(mailboxId, emailId, draft.markdown());
    List<String> to =
        parent.direction() == Direction.INBOUND ? List.of(parent.from()) : parent.to();
    String subject =
        parent.subject().regionMatches(true, 0, "Re:", 0, 3)
            ? parent.subject()
            : "Re: " + parent.subject();
    Email email = store(mailbox, draft, to, subject, parent.threadId(), parent.id());
    return new Accepted(release(mailbox, email), false);
  }

  private Email store(
      Mailbox mailbox,
      OutboundDraft draft,
      List<String> to,
      String subject,
      String threadId,
      String inReplyTo) {
    EmailStatus status =
        mailbox.mode().holdsOutbound() ? EmailStatus.PENDING_SEND_APPROVAL : EmailStatus.SENT;
    Email email =
        store.append(
            mailbox.id(),
            id ->
                new Email(
                    id,
                    mailbox.id(),
                    Direction.OUTBOUND,
                    mailbox.address(),
                    to,
                    draft.ccOrEmpty(),
                    draft.bccOrEmpty(),
                    subject,
                    draft.markdown(),
                    OutboundValidator.attachments(draft),
                    status,
                    clock.instant(),
                    threadId,
                    inReplyTo,
                    null,
                    null,
                    draft.idempotencyKey(),
                    null,
                    null));
    if (draft.idempotencyKey() != null) {
      idempotency.remember(draft.idempotencyKey(), email.id());
    }
    return email;
  }

  private Email release(Mailbox mailbox, Email email) {
    return mailbox.mode().holdsOutbound() ? email : delivery.deliver(email);
  }

  private Optional<Accepted> replay(String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return idempotency
        .emailFor(idempotencyKey)
        .flatMap(store::find)
        .map(original -> new Accepted(original, true));
  }

  private void consumeQuota() {
    if (!quota.tryConsume()) {
      throw new SandboxException(
          429,
          "Monthly email quota exceeded ("
              + quota.used()
              + "/"
              + quota.limit()
              + "). Upgrade your plan or wait for the quota to reset on the 1st.",
          quota.secondsUntilReset());
    }
  }

  private static void requireWritable(Mailbox mailbox) {
    if (mailbox.mode() == OversightMode.READ_ONLY) {
      throw new SandboxException(
          403,
          "Mailbox is read_only: sending is disabled. Request an upgrade with POST"
              + " /v1/mailboxes/"
              + mailbox.id()
              + "/request-upgrade");
    }
  }

  private static OutboundDraft required(OutboundDraft draft) {
    if (draft == null) {
      throw SandboxException.badRequest("Request body is required");
    }
    return draft;
  }
}
