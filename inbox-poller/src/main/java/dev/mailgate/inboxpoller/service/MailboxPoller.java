package dev.mailgate.inboxpoller.service;

import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.inboxpoller.domain.Lease;
import dev.mailgate.multimail.client.EmailQuery;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.model.Email;
import dev.mailgate.multimail.client.model.EmailPage;
import dev.mailgate.multimail.client.model.EmailSummary;
import dev.mailgate.outbox.consumer.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One poll of one mailbox: take its lease, list inbound mail with {@code since_id} = the cursor,
 * fetch each email, record the page (events + cursor, one transaction), and repeat until a page
 * comes back short. Failures propagate; whatever was committed stays, the rest is fetched again.
 */
@ApplicationScoped
public class MailboxPoller {

  /** since_id before the first email: sorts below every MultiMail id (ULIDs, {@code em_...}). */
  static final String BEGINNING = "0";

  private static final String WHO = "inbox-poller";

  private final MultiMailClient multimail;
  private final InboundRecorder recorder;
  private final PollerConfig config;
  private final Infrastructure infrastructure;
  private final String owner = "poller-" + UUID.randomUUID();

  private final Clock clock;

  public MailboxPoller(
      MultiMailClient multimail,
      InboundRecorder recorder,
      PollerConfig config,
      Infrastructure infrastructure,
      Clock clock) {
    this.clock = clock;
    this.multimail = multimail;
    this.recorder = recorder;
    this.config = config;
    this.infrastructure = infrastructure;
  }

  /** This instance's name in lease rows. */
  public String owner() {
    return owner;
  }

  public PollResult poll(String mailboxId) {
    // The database steps wait out an outage (readiness DOWN meanwhile) instead of failing the
    // poll: nothing is lost either way, but a database outage is not MultiMail failing.
    Lease lease = infrastructure.retrying(WHO, () -> recorder.lease(mailboxId, owner));
    if (!lease.acquired()) {
      return new PollResult(false, 0, lease.lastSuccessAt());
    }
    boolean succeeded = false;
    int emitted = 0;
    try {
      String cursor = lease.cursor();
      while (true) {
        EmailPage page = multimail.listEmails(mailboxId, query(cursor));
        List<Email> emails = new ArrayList<>(page.emails().size());
        for (EmailSummary summary : page.emails()) {
          emails.add(multimail.getEmail(mailboxId, summary.id()));
        }
        String from = cursor;
        cursor =
            infrastructure.retrying(WHO, () -> recorder.record(mailboxId, owner, from, emails));
        emitted += emails.size();
        if (page.cursor() == null || emails.isEmpty()) {
          break;
        }
      }
      succeeded = true;
      return new PollResult(true, emitted, clock.instant());
    } finally {
      boolean done = succeeded;
      infrastructure.retrying(WHO, () -> recorder.release(mailboxId, owner, done));
    }
  }

  private EmailQuery query(String cursor) {
    return EmailQuery.since(cursor.isEmpty() ? BEGINNING : cursor)
        .withDirection("inbound")
        .withLimit(config.pageSize());
  }
}
