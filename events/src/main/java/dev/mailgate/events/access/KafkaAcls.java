package dev.mailgate.events.access;

import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** {@link KafkaAccess}'s grants as Kafka ACL bindings, for {@code Admin#createAcls}. */
public final class KafkaAcls {

  private KafkaAcls() {}

  /** The bindings of every service principal. */
  public static List<AclBinding> services() {
    return java.util.Arrays.stream(KafkaAccess.Service.values())
        .flatMap(s -> bindings(s.principal(), KafkaAccess.grants(s)).stream())
        .toList();
  }

  /** The bindings of agent team {@code team}'s principal. */
  public static List<AclBinding> agent(String team) {
    return bindings(KafkaAccess.agentPrincipal(team), KafkaAccess.agentGrants(team));
  }

  /** ALLOW bindings of {@code User:<principal>} from any host. */
  public static List<AclBinding> bindings(String principal, List<KafkaAccess.Grant> grants) {
    return grants.stream()
        .map(
            g ->
                new AclBinding(
                    new ResourcePattern(
                        ResourceType.valueOf(g.resource().name()),
                        g.name(),
                        PatternType.valueOf(g.match().name())),
                    new AccessControlEntry(
                        "User:" + principal,
                        "*",
                        AclOperation.valueOf(g.operation().name()),
                        AclPermissionType.ALLOW)))
        .toList();
  }
}
