package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.config.ApprovalConfig;
import dev.mailgate.approval.domain.AgentCredential;
import dev.mailgate.approval.domain.AgentCredentialRepository;
import dev.mailgate.approval.service.agents.AgentKeys;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.RoleNames;
import dev.mailgate.events.validation.IntentReader;
import dev.mailgate.outbox.consumer.Received;
import dev.mailgate.support.security.Identities;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent an intent is not self-declared: its record must be signed with an agent credential, and
 * its team, role and mailbox must be ones that credential was issued for. Roles compare normalised
 * (case, width, invisible characters, spaces, {@code _} and {@code -} ignored), so MetaGPT's {@code
 * "Product Manager"} matches a credential for {@code ProductManager}.
 */
@ApplicationScoped
public class AgentBinding {

  private final AgentCredentialRepository credentials;
  private final AgentKeys keys;
  private final boolean required;
  private final MeterRegistry metrics;

  public AgentBinding(
      AgentCredentialRepository credentials,
      AgentKeys keys,
      ApprovalConfig config,
      MeterRegistry metrics) {
    this.credentials = credentials;
    this.keys = keys;
    this.required = config.agents().requireSignature();
    this.metrics = metrics;
  }

  /** For each record, why its intent is refused, or null when it may go on to the policy. */
  public List<String> refusals(List<Received<IntentReader.Result>> records) {
    Set<String> agents = new HashSet<>();
    records.forEach(r -> r.ref().header(EventHeaders.INTENT_AGENT).ifPresent(agents::add));
    Map<String, AgentCredential> known = new HashMap<>();
    credentials.byIds(agents).forEach(c -> known.put(c.agentId, c));
    List<String> refusals = new ArrayList<>(records.size());
    for (Received<IntentReader.Result> record : records) {
      String refusal =
          record.payload() instanceof IntentReader.Valid valid
              ? refusal(record, valid.intent(), known).orElse(null)
              : null;
      if (refusal != null) {
        metrics.counter("mailgate.approval.intents.unbound").increment();
      }
      refusals.add(refusal);
    }
    return refusals;
  }

  Optional<String> refusal(
      Received<?> record, EmailIntent intent, Map<String, AgentCredential> known) {
    Optional<String> agent = record.ref().header(EventHeaders.INTENT_AGENT);
    Optional<String> signature = record.ref().header(EventHeaders.INTENT_SIGNATURE);
    if (agent.isEmpty() && signature.isEmpty()) {
      return required
          ? Optional.of("the intent is not signed with an agent credential")
          : Optional.empty();
    }
    if (agent.isEmpty() || signature.isEmpty()) {
      return Optional.of("the intent's agent signature is incomplete");
    }
    if (!keys.configured()) {
      return Optional.of("agent signatures cannot be checked: no agent secret is configured");
    }
    AgentCredential credential = known.get(agent.get());
    if (credential == null) {
      return Optional.of("the intent is signed by an unknown agent credential");
    }
    if (credential.isRevoked()) {
      return Optional.of("agent credential " + credential.agentId + " has been revoked");
    }
    if (!keys.verifies(credential.agentId, record.value(), signature.get())) {
      return Optional.of("the agent signature does not match the intent");
    }
    if (!Identities.same(credential.team, intent.team())) {
      return Optional.of(
          "agent " + credential.agentId + " is issued for team " + credential.team + " only");
    }
    if (Arrays.stream(credential.roles).noneMatch(r -> RoleNames.same(r, intent.role()))) {
      return Optional.of(
          "agent "
              + credential.agentId
              + " may act as "
              + String.join(", ", credential.roles)
              + " only");
    }
    if (!Arrays.asList(credential.mailboxes).contains(intent.mailboxId())) {
      return Optional.of(
          "agent "
              + credential.agentId
              + " may use mailboxes "
              + String.join(", ", credential.mailboxes)
              + " only");
    }
    return Optional.empty();
  }
}
