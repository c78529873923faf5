package dev.mailgate.approval.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Loads and stores mailbox policies. */
@ApplicationScoped
public class PolicyRepository {

  private final EntityManager em;

  public PolicyRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<Policy> load(String mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    if (mailbox == null) {
      return Optional.empty();
    }
    Map<String, RoleGrant> grants =
        grants(mailboxId).stream().collect(Collectors.toMap(g -> g.role, Function.identity()));
    return Optional.of(new Policy(mailbox, grants, rules(mailboxId)));
  }

  public Optional<Mailbox> mailbox(String mailboxId) {
    return Optional.ofNullable(em.find(Mailbox.class, mailboxId));
  }

  public List<Mailbox> mailboxes() {
    return em.createQuery("from Mailbox m order by m.id", Mailbox.class).getResultList();
  }

  public List<RoleGrant> grants(String mailboxId) {
    return em.createQuery(
            "from RoleGrant g where g.mailboxId = :m order by g.role", RoleGrant.class)
        .setParameter("m", mailboxId)
        .getResultList();
  }

  public List<RecipientRule> rules(String mailboxId) {
    return em.createQuery(
            "from RecipientRule r where r.mailboxId = :m order by r.id", RecipientRule.class)
        .setParameter("m", mailboxId)
        .getResultList();
  }

  public Optional<RoleGrant> grant(String mailboxId, String role) {
    return Optional.ofNullable(em.find(RoleGrant.class, new RoleGrant.Key(mailboxId, role)));
  }

  public Optional<RecipientRule> rule(long id) {
    return Optional.ofNullable(em.find(RecipientRule.class, id));
  }

  public void persist(Object entity) {
    em.persist(entity);
  }

  public void remove(Object entity) {
    em.remove(entity);
  }
}
