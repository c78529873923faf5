package dev.mailgate.approval.service.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mailgate.approval.config.ApprovalConfig;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.events.Actor;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies the declarative policy file at start: creates the mailboxes it names (with their grants
 * and recipient rules) that do not exist yet; with {@code seed-overwrites} it updates existing ones
 * too. Each change is a {@code mail.policies} event with the actor {@code system:seed}.
 */
@ApplicationScoped
public class PolicySeeder {

  /** The file's shape; see the module README. */
  public record SeedFile(List<SeedMailbox> mailboxes) {}

  public record SeedMailbox(
      String id, MailboxSettings settings, List<SeedGrant> grants, SeedRecipients recipients) {}

  public record SeedGrant(String role, boolean send, boolean read) {}

  public record SeedRecipients(List<String> allow, List<String> deny) {}

  private static final Actor SEED = Actor.system("seed");

  private final ApprovalConfig config;
  private final PolicyAdmin admin;
  private final PolicyRepository policies;

  public PolicySeeder(ApprovalConfig config, PolicyAdmin admin, PolicyRepository policies) {
    this.config = config;
    this.admin = admin;
    this.policies = policies;
  }

  void onStart(@Observes StartupEvent event) {
    config.seedFile().ifPresent(file -> apply(read(file)));
  }

  void apply(SeedFile seed) {
    for (SeedMailbox mailbox :
        seed.mailboxes() == null ? List.<SeedMailbox>of() : seed.mailboxes()) {
      boolean exists =
          io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
              .call(() -> policies.mailbox(mailbox.id()).isPresent());
      if (exists && !config.seedOverwrites()) {
        continue;
      }
      MailboxSettings settings =
          mailbox.settings() == null
              ? new MailboxSettings(
                  null, null, null, null, null, null, null, null, null, null, null, null, null,
                  null, null, null)
              : mailbox.settings();
      admin.upsertMailbox(mailbox.id(), settings, SEED);
      for (SeedGrant grant : mailbox.grants() == null ? List.<SeedGrant>of() : mailbox.grants()) {
        admin.putGrant(mailbox.id(), grant.role(), grant.send(), grant.read(), SEED);
      }
      if (mailbox.recipients() != null && !exists) {
        rules(mailbox.id(), mailbox.recipients().allow(), "allow");
        rules(mailbox.id(), mailbox.recipients().deny(), "deny");
      }
      Log.infof("seeded mailbox %s", mailbox.id());
    }
  }

  private void rules(String mailboxId, List<String> patterns, String effect) {
    for (String pattern : patterns == null ? List.<String>of() : patterns) {
      admin.addRule(mailboxId, pattern, effect, SEED);
    }
  }

  static SeedFile read(String location) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = open(location)) {
      return yaml.readValue(in, SeedFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policy seed file " + location, e);
    }
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      InputStream in =
          PolicySeeder.class.getClassLoader().getResourceAsStream(location.substring(10));
      if (in == null) {
        throw new IOException("no such classpath resource");
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }
}
