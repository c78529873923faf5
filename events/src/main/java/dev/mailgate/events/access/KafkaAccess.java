package dev.mailgate.events.access;

import dev.mailgate.events.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may do what on the broker: the one ACL table of MailGate, applied by the test broker, by
 * {@code ./mailgate up} / {@code ./mailgate agent} and by the Docker setup, and documented in the
 * README. Every principal authenticates with SASL (SCRAM-SHA-512; agents also PLAIN); anything not
 * granted here is refused by the broker's authorizer. Derived from each service's channels, outbox
 * topics, dead-letter topics and dead-letter replays.
 */
public final class KafkaAccess {

  /** The super user that creates topics, credentials and ACLs (setup and tests only). */
  public static final String ADMIN = "mailgate-admin";

  /** The principal the broker itself uses on its internal and controller listeners. */
  public static final String BROKER = "mailgate-broker";

  /** Agent principals are {@code agent-<team>}. */
  public static final String AGENT_PREFIX = "agent-";

  /** Agents' consumer groups are {@code mailgate-agent.<team>.<role>} (both clients). */
  public static final String AGENT_GROUP_PREFIX = "mailgate-agent.";

  private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** What a grant applies to (the names of Kafka's resource types). */
  public enum Resource {
    TOPIC,
    GROUP
  }

  /** How a grant's name matches (the names of Kafka's pattern types). */
  public enum Match {
    LITERAL,
    PREFIXED
  }

  /** What a grant allows (the names of Kafka's ACL operations). */
  public enum Operation {
    READ,
    WRITE,
    DESCRIBE
  }

  /** One ALLOW ACL, from any host. */
  public record Grant(Resource resource, String name, Match match, Operation operation) {

    static Grant topic(Operation operation, String topic) {
      return new Grant(Resource.TOPIC, topic, Match.LITERAL, operation);
    }

    /** A row of the README's table: {@code TOPIC mail.intents WRITE}. */
    @Override
    public String toString() {
      return resource + " " + name + (match == Match.PREFIXED ? "*" : "") + " " + operation;
    }
  }

  /** The services; each authenticates as its own principal, named like the application. */
  public enum Service {
    APPROVAL("approval-service"),
    OUTBOUND("outbound-service"),
    INBOX_POLLER("inbox-poller"),
    AUDIT("audit-service");

    private final String principal;

    Service(String principal) {
      this.principal = principal;
    }

    /** The SASL user name, equal to {@code quarkus.application.name} and the consumer group. */
    public String principal() {
      return principal;
    }

    /** The service whose principal or application name is {@code name}. */
    public static Optional<Service> named(String name) {
      return Arrays.stream(values()).filter(s -> s.principal.equals(name)).findFirst();
    }
  }

  private KafkaAccess() {}

  /** Everything {@code service} is allowed; nothing else. */
  public static List<Grant> grants(Service service) {
    List<Grant> grants = new ArrayList<>();
    switch (service) {
      case APPROVAL -> {
        // Channels: intents, inbound-received, outcomes (+ their dead-letter topics).
        read(grants, Topics.INTENTS, Topics.INBOUND_RECEIVED, Topics.OUTCOMES);
        // Outbox: decisions, approved emails, released inbound mail, policy changes.
        write(grants, Topics.DECISIONS, Topics.APPROVED, Topics.INBOUND, Topics.POLICIES);
        // Dead letters of its inputs: written, listed and replayed onto the original topic.
        for (String topic : List.of(Topics.INTENTS, Topics.INBOUND_RECEIVED, Topics.OUTCOMES)) {
          read(grants, Topics.dlq(topic));
          write(grants, Topics.dlq(topic), topic);
        }
      }
      case OUTBOUND -> {
        read(grants, Topics.APPROVED, Topics.dlq(Topics.APPROVED));
        // Outcomes; retries re-publish mail.approved; dead letters and their replays.
        write(grants, Topics.OUTCOMES, Topics.APPROVED, Topics.dlq(Topics.APPROVED));
      }
      case INBOX_POLLER -> write(grants, Topics.INBOUND_RECEIVED);
      case AUDIT -> {
        // Reads every mail.* topic and every dead-letter topic; writes its anchors and audit.dlq.
        grants.add(new Grant(Resource.TOPIC, "mail.", Match.PREFIXED, Operation.READ));
        write(grants, Topics.AUDIT_ANCHORS, Topics.AUDIT_DLQ);
      }
    }
    grants.add(new Grant(Resource.GROUP, service.principal(), Match.LITERAL, Operation.READ));
    return List.copyOf(grants);
  }

  /**
   * Everything an agent team is allowed: write intents, read decisions, outcomes and released
   * inbound mail, and use consumer groups under {@code mailgate-agent.<team>.}.
   */
  public static List<Grant> agentGrants(String team) {
    checkTeam(team);
    List<Grant> grants = new ArrayList<>();
    grants.add(Grant.topic(Operation.WRITE, Topics.INTENTS));
    grants.add(Grant.topic(Operation.DESCRIBE, Topics.INTENTS));
    read(grants, Topics.DECISIONS, Topics.OUTCOMES, Topics.INBOUND);
    String groups = AGENT_GROUP_PREFIX + team + ".";
    grants.add(new Grant(Resource.GROUP, groups, Match.PREFIXED, Operation.READ));
    grants.add(new Grant(Resource.GROUP, groups, Match.PREFIXED, Operation.DESCRIBE));
    return List.copyOf(grants);
  }

  /** {@code agent-<team>}. */
  public static String agentPrincipal(String team) {
    checkTeam(team);
    return AGENT_PREFIX + team;
  }

  /** Whether {@code team} can name an agent principal: 1-64 of letters, digits, {@code _-}. */
  public static boolean validTeam(String team) {
    return team != null && TEAM.matcher(team).matches();
  }

  private static void checkTeam(String team) {
    if (!validTeam(team)) {
      throw new IllegalArgumentException(
          "a team is 1-64 letters, digits, '_' or '-', starting with a letter or digit: " + team);
    }
  }

  private static void read(List<Grant> grants, String... topics) {
    for (String topic : topics) {
      grants.add(Grant.topic(Operation.READ, topic));
    }
  }

  private static void write(List<Grant> grants, String... topics) {
    for (String topic : topics) {
      grants.add(Grant.topic(Operation.WRITE, topic));
    }
  }
}
