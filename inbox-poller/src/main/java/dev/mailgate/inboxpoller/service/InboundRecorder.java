package dev.mailgate.inboxpoller.service;

import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.inboxpoller.domain.Lease;
import dev.mailgate.inboxpoller.domain.MailboxCursor;
import dev.mailgate.inboxpoller.domain.MailboxCursorRepository;
import dev.mailgate.inboxpoller.messaging.InboundReceivedEvents;
import dev.mailgate.multimail.client.model.Email;
import dev.mailgate.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Owns the poller's transactions. {@link #record} writes a page of emails to the outbox ({@code
 * mail.inbound-received}) and moves the mailbox's cursor past them in one transaction: a crash
 * before the commit leaves both untouched (the page is fetched again), after it both are durable.
 */
@ApplicationScoped
public class InboundRecorder {

  private final MailboxCursorRepository cursors;
  private final EventPublisher events;
  private final PollerConfig config;

  public InboundRecorder(
      MailboxCursorRepository cursors, EventPublisher events, PollerConfig config) {
    this.cursors = cursors;
    this.events = events;
    this.config = config;
  }

  /** Takes the mailbox's lease for {@code owner} when nobody else holds it. */
  @Transactional
  public Lease lease(String mailboxId, String owner) {
    cursors.ensure(mailboxId);
    boolean acquired = cursors.tryLease(mailboxId, owner, config.leaseTtl());
    MailboxCursor row = cursors.findById(mailboxId);
    return new Lease(mailboxId, acquired, row.lastEmailId, row.lastSuccessAt);
  }

  /**
   * Emits {@code emails} (oldest first) and moves the cursor from {@code expectedCursor} to the
   * last of them; throws {@link LeaseLostException} (rolling everything back) when {@code owner} no
   * longer holds the mailbox or its cursor moved.
   */
  @Transactional
  public String record(String mailboxId, String owner, String expectedCursor, List<Email> emails) {
    if (emails.isEmpty()) {
      return expectedCursor;
    }
    for (Email email : emails) {
      events.publish(InboundReceivedEvents.of(mailboxId, email));
    }
    String next = emails.get(emails.size() - 1).id();
    if (!cursors.advance(
        mailboxId, owner, expectedCursor, next, emails.size(), config.leaseTtl())) {
      throw new LeaseLostException(mailboxId);
    }
    return next;
  }

  @Transactional
  public void release(String mailboxId, String owner, boolean succeeded) {
    cursors.release(mailboxId, owner, succeeded);
  }

  /** The stored state of a mailbox, for operators and tests. */
  @Transactional
  public Lease current(String mailboxId) {
    MailboxCursor row = cursors.findById(mailboxId);
    return row == null
        ? new Lease(mailboxId, false, "", null)
        : new Lease(mailboxId, false, row.lastEmailId, row.lastSuccessAt);
  }
}
