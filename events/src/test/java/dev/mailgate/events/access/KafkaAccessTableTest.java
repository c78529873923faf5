package dev.mailgate.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.Topics;
import dev.mailgate.events.access.KafkaAccess.Grant;
import dev.mailgate.events.access.KafkaAccess.Match;
import dev.mailgate.events.access.KafkaAccess.Operation;
import dev.mailgate.events.access.KafkaAccess.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ACL table itself, the README's copy of it, and the PLAIN users' hashes. */
class KafkaAccessTableTest {

  @Test
  void agentsWriteOnlyIntentsAndReadOnlyWhatIsTheirs() {
    List<Grant> grants = KafkaAccess.agentGrants("acme");
    assertThat(grants)
        .filteredOn(g -> g.operation() == Operation.WRITE)
        .extracting(Grant::name)
        .containsExactly(Topics.INTENTS);
    assertThat(grants)
        .filteredOn(g -> g.operation() == Operation.READ && g.resource() == Resource.TOPIC)
        .extracting(Grant::name)
        .containsExactlyInAnyOrder(Topics.DECISIONS, Topics.OUTCOMES, Topics.INBOUND);
    assertThat(grants)
        .filteredOn(g -> g.resource() == Resource.GROUP)
        .allMatch(g -> g.match() == Match.PREFIXED && g.name().equals("mailgate-agent.acme."));
    assertThat(KafkaAccess.agentPrincipal("acme")).isEqualTo("agent-acme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a.b", "a b", "-x", "team*", "x/y"})
  void aTeamNameCannotWidenItsPrefixOrBreakAPrincipal(String team) {
    assertThat(KafkaAccess.validTeam(team)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(KafkaAccess.Service.class)
  void theReadmeTableListsEveryTopicOfEveryService(KafkaAccess.Service service) throws Exception {
    String row = readmeRow(service.principal());
    for (Grant grant : KafkaAccess.grants(service)) {
      if (grant.resource() == Resource.TOPIC && grant.match() == Match.LITERAL) {
        assertThat(row).as("%s in the README", grant).contains("`" + grant.name() + "`");
      }
    }
  }

  @Test
  void theReadmeTableListsTheAgentsTopics() throws Exception {
    String row = readmeRow("agent-<team>");
    KafkaAccess.agentGrants("t").stream()
        .filter(g -> g.resource() == Resource.TOPIC)
        .forEach(g -> assertThat(row).contains("`" + g.name() + "`"));
  }

  @Test
  void plainUsersAreCheckedAgainstTheirHashesAndStaticUsers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plain-users");
    PasswordHashes.put(file, "agent-acme", "s3cret");
    PasswordHashes.put(file, "agent-other", "x");
    PasswordHashes.put(file, "agent-acme", "rotated");
    PlainUsersCallbackHandler handler = new PlainUsersCallbackHandler();
    handler.configure(
        Map.of(),
        "PLAIN",
        List.of(
            new AppConfigurationEntry(
                "org.apache.kafka.common.security.plain.PlainLoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of(
                    "user_mailgate-admin",
                    "adm",
                    PlainUsersCallbackHandler.FILE_OPTION,
                    file.toString()))));

    assertThat(login(handler, "agent-acme", "rotated")).isTrue();
    assertThat(login(handler, "agent-acme", "s3cret")).isFalse();
    assertThat(login(handler, "agent-other", "x")).isTrue();
    assertThat(login(handler, "agent-other", "rotated")).isFalse();
    assertThat(login(handler, "mailgate-admin", "adm")).isTrue();
    assertThat(login(handler, "mailgate-admin", "x")).isFalse();
    assertThat(login(handler, "nobody", "")).isFalse();
    assertThat(Files.readString(file)).doesNotContain("rotated", "s3cret");
  }

  private static boolean login(PlainUsersCallbackHandler handler, String user, String password)
      throws Exception {
    PlainAuthenticateCallback plain = new PlainAuthenticateCallback(password.toCharArray());
    handler.handle(new Callback[] {new NameCallback("user", user), plain});
    return plain.authenticated();
  }

  private static String readmeRow(String principal) throws Exception {
    return Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("| `" + principal + "` |"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no README row for " + principal));
  }
}
