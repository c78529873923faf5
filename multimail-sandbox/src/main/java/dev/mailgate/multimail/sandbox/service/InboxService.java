package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.domain.Direction;
import dev.mailgate.multimail.sandbox.domain.Email;
import dev.mailgate.multimail.sandbox.domain.EmailFilter;
import dev.mailgate.multimail.sandbox.domain.EmailPage;
import dev.mailgate.multimail.sandbox.domain.EmailStatus;
import dev.mailgate.multimail.sandbox.domain.EmailStore;
import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.domain.OutboundValidator;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.domain.UlidGenerator;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading mailboxes (list, get, thread) and receiving inbound mail. */
@ApplicationScoped
public class InboxService {

  private static final Pattern REPLY_PREFIX =
      Pattern.compile("^\\s*((re|fwd?)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

  private final MailboxService mailboxes;
  private final EmailStore store;
  private final UlidGenerator ids;
  private final UsageCounters usage;
  private final WebhookService webhooks;
  private final Clock clock;

  public InboxService(
      MailboxService mailboxes,
      EmailStore store,
      UlidGenerator ids,
      UsageCounters usage,
      WebhookService webhooks,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.store = store;
    this.ids = ids;
    this.usage = usage;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  public EmailPage list(
      String mailboxId,
      String direction,
      String status,
      String sinceId,
      Integer limit,
      String cursor) {
    mailboxes.get(mailboxId);
    int size = limit == null ? EmailFilter.DEFAULT_LIMIT : limit;
    if (size < 1 || size > EmailFilter.MAX_LIMIT) {
      throw SandboxException.badRequest("limit must be between 1 and " + EmailFilter.MAX_LIMIT);
    }
    Direction dir = direction == null ? null : direction(direction);
    EmailStatus st =
        status == null
            ? null
            : EmailStatus.fromWire(status)
                .orElseThrow(() -> SandboxException.badRequest("Unknown status: " + status));
    return store.page(mailboxId, new EmailFilter(dir, st, sinceId, size, cursor));
  }

  /** The email; reading an unread email marks it read, as MultiMail does. */
  public Email get(String mailboxId, String emailId) {
    mailboxes.get(mailboxId);
    Email email =
        store
            .find(mailboxId, emailId)
            .orElseThrow(() -> SandboxException.notFound("Email not found"));
    if (email.status() == EmailStatus.UNREAD) {
      return store.update(emailId, e -> e.withStatus(EmailStatus.READ));
    }
    return email;
  }

  public List<Email> thread(String mailboxId, String threadId) {
    mailboxes.get(mailboxId);
    List<Email> emails = store.thread(mailboxId, threadId);
    if (emails.isEmpty()) {
      throw SandboxException.notFound("Thread not found");
    }
    return emails;
  }

  /**
   * What a sender's message may carry: far more than MultiMail lets an agent send, as mail from
   * outside is not bound by MultiMail's outbound limits.
   */
  static final int MAX_INBOUND_MARKDOWN = 8_000_000;

  /** Receives an inbound email: unread at once, or held in {@code gated_all}. */
  public Email receive(InboundDraft draft) {
    if (draft == null || draft.mailboxId() == null) {
      throw SandboxException.badRequest("mailbox_id is required");
    }
    Mailbox mailbox = mailboxes.get(draft.mailboxId());
    if (!OutboundValidator.isAddress(draft.from())) {
      throw SandboxException.badRequest("from must be an email address");
    }
    if (draft.markdown() == null || draft.markdown().length() > MAX_INBOUND_MARKDOWN) {
      throw SandboxException.badRequest(
          "markdown is required, at most " + MAX_INBOUND_MARKDOWN + " characters");
    }
    String threadId = threadOf(draft);
    String subject =
        REPLY_PREFIX.matcher(draft.subject() == null ? "" : draft.subject()).replaceFirst("");
    EmailStatus status =
        mailbox.mode().holdsInbound() ? EmailStatus.PENDING_INBOUND_APPROVAL : EmailStatus.UNREAD;
    List<String> to =
        draft.to() == null || draft.to().isEmpty() ? List.of(mailbox.address()) : draft.to();
    Email email =
        store.append(
            mailbox.id(),
            id ->
                new Email(
                    id,
                    mailbox.id(),
                    Direction.INBOUND,
                    draft.from(),
                    to,
                    List.of(),
                    List.of(),
                    subject,
                    draft.markdown(),
                    List.of(),
                    status,
                    clock.instant(),
                    threadId,
                    draft.inReplyTo(),
                    null,
                    null,
                    null,
                    null,
                    null));
    usage.received();
    if (status == EmailStatus.UNREAD) {
      webhooks.emailReceived(email);
    }
    return email;
  }

  private String threadOf(InboundDraft draft) {
    if (draft.inReplyTo() != null) {
      return store
          .find(draft.mailboxId(), draft.inReplyTo())
          .map(Email::threadId)
          .orElseThrow(() -> SandboxException.notFound("in_reply_to email not found"));
    }
    return draft.threadId() == null ? ids.next() : draft.threadId();
  }

  private static Direction direction(String value) {
    try {
      return Direction.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SandboxException.badRequest("direction must be inbound or outbound");
    }
  }
}
