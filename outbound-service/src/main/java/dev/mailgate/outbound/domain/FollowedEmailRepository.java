package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Sent email being followed to its final status. */
@ApplicationScoped
public class FollowedEmailRepository implements PanacheRepositoryBase<FollowedEmail, String> {

  /**
   * Takes up to {@code limit} emails due for a look, reserving them until {@code leaseUntil} so
   * another instance skips them (and takes them again if this one dies before writing the result).
   */
  // Native SQL: FOR UPDATE ... SKIP LOCKED is PostgreSQL's, and JPQL cannot say it.
  @SuppressWarnings("unchecked")
  public List<FollowedEmail> claimDue(Instant now, Instant leaseUntil, int limit) {
    List<FollowedEmail> claimed =
        getEntityManager()
            .createNativeQuery(
                "SELECT * FROM followed_email WHERE next_check_at <= :now"
                    + " ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                FollowedEmail.class)
            .setParameter("now", now)
            .setParameter("limit", limit)
            .getResultList();
    claimed.forEach(f -> f.nextCheckAt = leaseUntil);
    return claimed;
  }
}
