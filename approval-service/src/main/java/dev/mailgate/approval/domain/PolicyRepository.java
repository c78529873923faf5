package dev.mailgate.approval.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads and stores mailbox policies: the mailbox (this repository's entity) with its role grants
 * and recipient rules, which belong to it and are read and written only through it.
 */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<Mailbox, String> {

  public Optional<Policy> load(String mailboxId) {
    return mailbox(mailboxId)
        .map(
            mailbox ->
                new Policy(
                    mailbox,
                    grants(mailboxId).stream()
                        .collect(Collectors.toMap(g -> g.role, Function.identity())),
                    rules(mailboxId)));
  }

  public Optional<Mailbox> mailbox(String mailboxId) {
    return findByIdOptional(mailboxId);
  }

  public List<Mailbox> mailboxes() {
    return list("order by id");
  }

  public List<RoleGrant> grants(String mailboxId) {
    return getEntityManager()
        .createQuery("from RoleGrant g where g.mailboxId = :m order by g.role", RoleGrant.class)
        .setParameter("m", mailboxId)
        .getResultList();
  }

  public List<RecipientRule> rules(String mailboxId) {
    return getEntityManager()
        .createQuery(
            "from RecipientRule r where r.mailboxId = :m order by r.id", RecipientRule.class)
        .setParameter("m", mailboxId)
        .getResultList();
  }

  public Optional<RoleGrant> grant(String mailboxId, String role) {
    return Optional.ofNullable(
        getEntityManager().find(RoleGrant.class, new RoleGrant.Key(mailboxId, role)));
  }

  public Optional<RecipientRule> rule(long id) {
    return Optional.ofNullable(getEntityManager().find(RecipientRule.class, id));
  }

  /** Stores a new grant or rule of a mailbox. */
  public void add(Object grantOrRule) {
    getEntityManager().persist(grantOrRule);
  }

  /** Removes a grant or rule of a mailbox. */
  public void remove(Object grantOrRule) {
    getEntityManager().remove(grantOrRule);
  }
}
