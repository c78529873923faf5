package dev.mailgate.approval.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.Mailbox;
import dev.mailgate.approval.domain.ModeChange;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.domain.RecipientRule;
import dev.mailgate.approval.domain.RoleGrant;
import dev.mailgate.events.Actor;
import dev.mailgate.support.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Changes mailbox policies; each change is one transaction with its {@code mail.policies} event.
 */
@ApplicationScoped
public class PolicyAdmin {

  private static final Pattern RULE =
      Pattern.compile(
          "(\\*|[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+)@[A-Za-z0-9.-]+\\.[A-Za-z]{2,63}"
              + "|\\*\\.[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");

  private final PolicyRepository policies;
  private final PolicyEvents events;
  private final ModeChanges modeChanges;

  private final Clock clock;

  public PolicyAdmin(
      PolicyRepository policies, PolicyEvents events, ModeChanges modeChanges, Clock clock) {
    this.clock = clock;
    this.policies = policies;
    this.events = events;
    this.modeChanges = modeChanges;
  }

  /** What an administrator's mailbox update did: applied, and possibly a raise left pending. */
  public record Update(Mailbox mailbox, Optional<ModeChange> pendingRaise) {}

  /**
   * An administrator's update: applied at once, except a raise of the oversight mode toward
   * autonomous, which waits for a second administrator (two-person rule); lowering is immediate.
   */
  @Transactional
  public Update updateMailbox(String mailboxId, MailboxSettings settings, Actor actor) {
    OversightMode current =
        policies.mailbox(mailboxId).map(m -> m.oversightMode).orElse(new Mailbox().oversightMode);
    Optional<OversightMode> requested = settings.mode();
    if (requested.isPresent() && requested.get().moreAutonomousThan(current)) {
      Mailbox mailbox = upsertMailbox(mailboxId, settings.withoutMode(), actor);
      return new Update(
          mailbox, Optional.of(modeChanges.request(mailboxId, current, requested.get(), actor)));
    }
    return new Update(upsertMailbox(mailboxId, settings, actor), Optional.empty());
  }

  /** Creates or updates a mailbox as given (seed file, confirmed changes); returns it. */
  @Transactional
  public Mailbox upsertMailbox(String mailboxId, MailboxSettings settings, Actor actor) {
    Optional<Mailbox> existing = policies.mailbox(mailboxId);
    JsonNode before = existing.map(PolicyAdmin::json).orElse(null);
    Mailbox mailbox =
        existing.orElseGet(
            () -> {
              Mailbox fresh = new Mailbox();
              fresh.id = mailboxId;
              return fresh;
            });
    settings.applyTo(mailbox);
    mailbox.updatedAt = clock.instant();
    if (existing.isEmpty()) {
      policies.persist(mailbox);
    }
    changed(
        mailboxId,
        existing.isEmpty() ? "mailbox.created" : "mailbox.updated",
        actor,
        before,
        json(mailbox));
    return mailbox;
  }

  @Transactional
  public RoleGrant putGrant(
      String mailboxId, String role, boolean send, boolean read, Actor actor) {
    requireMailbox(mailboxId);
    Optional<RoleGrant> existing = policies.grant(mailboxId, role);
    JsonNode before = existing.map(PolicyAdmin::json).orElse(null);
    RoleGrant grant = existing.orElseGet(RoleGrant::new);
    grant.mailboxId = mailboxId;
    grant.role = role;
    grant.canSend = send;
    grant.canRead = read;
    if (existing.isEmpty()) {
      policies.add(grant);
    }
    changed(mailboxId, "grant.upserted", actor, before, json(grant));
    return grant;
  }

  @Transactional
  public boolean removeGrant(String mailboxId, String role, Actor actor) {
    Optional<RoleGrant> grant = policies.grant(mailboxId, role);
    grant.ifPresent(
        g -> {
          policies.remove(g);
          changed(mailboxId, "grant.removed", actor, json(g), null);
        });
    return grant.isPresent();
  }

  @Transactional
  public RecipientRule addRule(String mailboxId, String pattern, String effect, Actor actor) {
    requireMailbox(mailboxId);
    String normalised = pattern.toLowerCase(Locale.ROOT).trim();
    if (normalised.startsWith("*@*.")) {
      normalised = normalised.substring(2); // *@*.example.com is written *.example.com
    }
    if (!RULE.matcher(normalised).matches() || normalised.length() > 254) {
      throw ApiProblem.badRequest(
          "pattern must be an address, *@domain (that domain) or *.domain (it and its subdomains),"
              + " not "
              + pattern);
    }
    if (!"allow".equals(effect) && !"deny".equals(effect)) {
      throw ApiProblem.badRequest("effect must be allow or deny");
    }
    RecipientRule rule = new RecipientRule();
    rule.mailboxId = mailboxId;
    rule.pattern = normalised;
    rule.effect = effect;
    policies.add(rule);
    changed(mailboxId, "rule.added", actor, null, json(rule));
    return rule;
  }

  @Transactional
  public boolean removeRule(String mailboxId, long ruleId, Actor actor) {
    Optional<RecipientRule> rule = policies.rule(ruleId).filter(r -> r.mailboxId.equals(mailboxId));
    rule.ifPresent(
        r -> {
          policies.remove(r);
          changed(mailboxId, "rule.removed", actor, json(r), null);
        });
    return rule.isPresent();
  }

  private void requireMailbox(String mailboxId) {
    if (policies.mailbox(mailboxId).isEmpty()) {
      throw new UnknownMailboxException(mailboxId);
    }
  }

  private void changed(
      String mailboxId, String change, Actor actor, JsonNode before, JsonNode after) {
    events.changed(mailboxId, change, actor, before, after);
  }

  static JsonNode json(Object entity) {
    return PolicyEvents.json(PolicyViews.of(entity));
  }
}
