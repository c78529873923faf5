package dev.mailgate.approval.service.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.AgentCredential;
import dev.mailgate.approval.domain.AgentCredentialRepository;
import dev.mailgate.approval.service.policy.PolicyEvents;
import dev.mailgate.events.Actor;
import dev.mailgate.events.EventJson;
import dev.mailgate.support.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Issues and revokes agent credentials: the team, roles and mailboxes an agent's signed intents may
 * claim. Each change is a {@code mail.policies} event per mailbox it covers, in one transaction.
 */
@ApplicationScoped
public class AgentRegistry {

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:@-]{0,63}");
  private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new credential and its signing key (shown once: the key is derived, never stored). */
  public record Issued(AgentCredential credential, String signingKey) {}

  private final AgentCredentialRepository credentials;
  private final AgentKeys keys;
  private final PolicyEvents events;
  private final Clock clock;

  public AgentRegistry(
      AgentCredentialRepository credentials, AgentKeys keys, PolicyEvents events, Clock clock) {
    this.credentials = credentials;
    this.keys = keys;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Issued issue(String team, List<String> roles, List<String> mailboxes, Actor actor) {
    if (!keys.configured()) {
      throw new ApiProblem(503, "no agent secret is configured: credentials cannot be issued");
    }
    AgentCredential credential = new AgentCredential();
    credential.team = name("team", team);
    credential.roles = names("roles", roles, NAME);
    credential.mailboxes = names("mailboxes", mailboxes, MAILBOX);
    credential.agentId = "agt_" + HexFormat.of().formatHex(bytes());
    credential.createdBy = actor.id();
    credential.createdAt = clock.instant();
    credentials.persist(credential);
    for (String mailbox : credential.mailboxes) {
      events.publishChange(mailbox, "agent.issued", actor, null, json(credential));
    }
    return new Issued(credential, keys.signingKey(credential.agentId));
  }

  @Transactional
  public List<AgentCredential> list() {
    return credentials.newestFirst();
  }

  @Transactional
  public AgentCredential find(String agentId) {
    AgentCredential credential = agentId == null ? null : credentials.findById(agentId);
    if (credential == null) {
      throw ApiProblem.notFound("no agent " + agentId);
    }
    return credential;
  }

  @Transactional
  public AgentCredential revoke(String agentId, Actor actor) {
    AgentCredential credential = find(agentId);
    if (!credential.isRevoked()) {
      var before = json(credential);
      credential.revokedBy = actor.id();
      credential.revokedAt = clock.instant();
      for (String mailbox : credential.mailboxes) {
        events.publishChange(mailbox, "agent.revoked", actor, before, json(credential));
      }
    }
    return credential;
  }

  /** A credential as the API and the events show it (never its key). */
  public record View(
      String agentId,
      String team,
      List<String> roles,
      List<String> mailboxes,
      String createdBy,
      Instant createdAt,
      String revokedBy,
      Instant revokedAt) {

    public static View of(AgentCredential c) {
      return new View(
          c.agentId,
          c.team,
          c.roleList(),
          c.mailboxList(),
          c.createdBy,
          c.createdAt,
          c.revokedBy,
          c.revokedAt);
    }
  }

  private static JsonNode json(AgentCredential credential) {
    return EventJson.mapper().valueToTree(View.of(credential));
  }

  private static byte[] bytes() {
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    return id;
  }

  private static String name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw ApiProblem.badRequest(
          field
              + " must be 1-64 letters, digits, spaces and . _ : @ - (starting with one of the"
              + " first two)");
    }
    return value;
  }

  private static String[] names(String field, List<String> values, Pattern pattern) {
    if (values == null || values.isEmpty() || values.size() > 100) {
      throw ApiProblem.badRequest(field + " must list 1 to 100 names");
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || !pattern.matcher(value).matches()) {
        throw ApiProblem.badRequest(field + " holds an invalid name");
      }
      distinct.add(value);
    }
    return distinct.toArray(String[]::new);
  }
}
