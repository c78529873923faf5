package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Remembers which mailboxes were told about an exhausted quota in which period (MultiMail's quota
 * is monthly and resets on the 1st, UTC), so the team hears it once per period.
 */
@ApplicationScoped
public class QuotaAnnouncements {

  /** Records the announcement; true if this is the first for the mailbox in the period. */
  // Native: ON CONFLICT DO NOTHING (PostgreSQL) makes "first in the period" one atomic insert.
  public boolean firstInPeriod(String mailboxId, String intentId, Instant now) {
    String period = YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
    int inserted =
        Panache.getEntityManager()
            .createNativeQuery(
                "INSERT INTO quota_announcement (mailbox_id, period, intent_id, announced_at)"
                    + " VALUES (:mailbox, :period, :intent, :now) ON CONFLICT DO NOTHING")
            .setParameter("mailbox", mailboxId)
            .setParameter("period", period)
            .setParameter("intent", intentId)
            .setParameter("now", now)
            .executeUpdate();
    return inserted == 1;
  }
}
