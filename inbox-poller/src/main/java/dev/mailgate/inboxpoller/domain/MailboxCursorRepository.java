package dev.mailgate.inboxpoller.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The cursor and lease rows. Lease times are the database's ({@code now()}), so instances with
 * skewed clocks agree on who owns a mailbox. Callers own the transactions.
 */
@ApplicationScoped
public class MailboxCursorRepository implements PanacheRepositoryBase<MailboxCursor, String> {

  /** Creates the row of a mailbox seen for the first time; a no-op otherwise. */
  // Native here and below: ON CONFLICT DO NOTHING, and lease times from the database's now() with
  // interval arithmetic, are PostgreSQL's.
  public void ensure(String mailboxId) {
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO mailbox_cursor (mailbox_id) VALUES (?1) ON CONFLICT DO NOTHING")
        .setParameter(1, mailboxId)
        .executeUpdate();
  }

  /** Takes the lease when it is free, expired or already ours; true when we hold it now. */
  public boolean tryLease(String mailboxId, String owner, Duration ttl) {
    return getEntityManager()
            .createNativeQuery(
                "UPDATE mailbox_cursor SET lease_owner = ?2,"
                    + " lease_until = now() + ?3 * interval '1 millisecond'"
                    + " WHERE mailbox_id = ?1"
                    + " AND (lease_until IS NULL OR lease_until < now() OR lease_owner = ?2)")
            .setParameter(1, mailboxId)
            .setParameter(2, owner)
            .setParameter(3, ttl.toMillis())
            .executeUpdate()
        == 1;
  }

  /**
   * Moves the cursor from {@code expected} to {@code next} and renews the lease, only while {@code
   * owner} holds the lease and nobody moved the cursor meanwhile (compare-and-set): false means
   * this poll lost the mailbox and must roll back what it wrote.
   */
  public boolean advance(
      String mailboxId, String owner, String expected, String next, int emitted, Duration ttl) {
    return getEntityManager()
            .createNativeQuery(
                "UPDATE mailbox_cursor SET last_email_id = ?4, emitted_total = emitted_total + ?5,"
                    + " lease_until = now() + ?6 * interval '1 millisecond', updated_at = now()"
                    + " WHERE mailbox_id = ?1 AND lease_owner = ?2 AND last_email_id = ?3"
                    + " AND lease_until >= now()")
            .setParameter(1, mailboxId)
            .setParameter(2, owner)
            .setParameter(3, expected)
            .setParameter(4, next)
            .setParameter(5, emitted)
            .setParameter(6, ttl.toMillis())
            .executeUpdate()
        == 1;
  }

  /** Ends our lease; {@code succeeded} records the time of a complete poll. */
  public void release(String mailboxId, String owner, boolean succeeded) {
    getEntityManager()
        .createNativeQuery(
            "UPDATE mailbox_cursor SET lease_owner = NULL, lease_until = NULL,"
                + " last_success_at = CASE WHEN ?3 THEN now() ELSE last_success_at END"
                + " WHERE mailbox_id = ?1 AND lease_owner = ?2")
        .setParameter(1, mailboxId)
        .setParameter(2, owner)
        .setParameter(3, succeeded)
        .executeUpdate();
  }
}
