package dev.mailgate.e2e;

import dev.mailgate.events.access.KafkaAccess;
import dev.mailgate.testsupport.ApprovalTestKeys;
import dev.mailgate.testsupport.FreePorts;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.PostgresDatabase;
import dev.mailgate.testsupport.PostgresServer;
import dev.mailgate.testsupport.SandboxProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system, once per test JVM: a real broker and PostgreSQL (in this JVM), the packaged
 * MultiMail sandbox and the four packaged services as processes on free ports, configured through
 * their environment as an operator would. Stopped when the JVM exits.
 */
final class MailGate {

  /** Mailboxes of {@code e2e-policy.yaml}; the sandbox knows them all as autonomous. */
  static final String GATED = "e2e_gated";

  static final String AUTONOMOUS = "e2e_auto";
  static final String READ_ONLY = "e2e_readonly";
  static final String GATED_ALL = "e2e_all";
  static final String CRASH = "e2e_crash";
  static final String MONITORED = "e2e_monitored";

  /** Autonomous in MailGate, gated_send at MultiMail (the sandbox): its reviewer holds the mail. */
  static final String PROVIDER_GATED = "e2e_provider_gated";

  /** audit-service's integrity key in these tests (base64 of 32 bytes; not a secret). */
  static final String AUDIT_INTEGRITY_KEY = "ZTJlLWF1ZGl0LWludGVncml0eS1rZXktMzItYnl0ZXM=";

  private static MailGate shared;

  /** Why the stack did not start, for every later test (a second stack would share the broker). */
  private static RuntimeException failedStart;

  private final KafkaBroker broker;
  private final SandboxProcess sandbox;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

  private MailGate(KafkaBroker broker, SandboxProcess sandbox) {
    this.broker = broker;
    this.sandbox = sandbox;
  }

  static synchronized MailGate shared() {
    if (failedStart != null) {
      throw new IllegalStateException("the e2e stack did not start", failedStart);
    }
    if (shared == null) {
      try {
        shared = start();
      } catch (RuntimeException e) {
        failedStart = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "mailgate-e2e-stop"));
    }
    return shared;
  }

  private static MailGate start() {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createTopics(3, KafkaBroker.mailGateTopics());

    List<String> mailboxes = List.of(GATED, AUTONOMOUS, READ_ONLY, GATED_ALL, CRASH, MONITORED);
    SandboxProcess sandbox =
        SandboxProcess.start(
            Map.of(
                "SANDBOX_MAILBOXES",
                String.join(
                    ",",
                    java.util.stream.Stream.concat(
                            mailboxes.stream().map(m -> m + ":" + m + "@sandbox.test:autonomous"),
                            java.util.stream.Stream.of(
                                PROVIDER_GATED + ":" + PROVIDER_GATED + "@sandbox.test:gated_send"))
                        .toList())));
    MailGate mailgate = new MailGate(broker, sandbox);
    try {
      mailgate.startServices();
    } catch (RuntimeException e) {
      // Nothing of a failed start may stay behind: a live outbound-service of it would take a
      // share of mail.approved's partitions and deliver to a sandbox no test reads.
      mailgate.stop();
      throw e;
    }
    return mailgate;
  }

  private void startServices() {
    PostgresServer postgres = PostgresServer.shared();
    Map<String, String> common = new HashMap<>();
    String key = "file:" + resource("mailgate-test-keys/publicKey.pem", ".pem");
    common.put("MAILGATE_JWT_PUBLIC_KEY", key);
    common.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key);
    common.put("MULTIMAIL_BASE_URL", sandbox.baseUrl());
    common.put("MULTIMAIL_API_KEY", SandboxProcess.API_KEY);

    add(
        "approval-service",
        postgres.database("mailgate_approval"),
        common,
        Map.of(
            "MAILGATE_POLICY_FILE",
            resource("e2e-policy.yaml", ".yaml").toString(),
            "MAILGATE_APPROVAL_EXPIRY_INTERVAL",
            "5s",
            "MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY_FILE",
            ApprovalTestKeys.file(ApprovalTestKeys.PRIVATE).toString(),
            // Intents must be signed (the default): Bus signs with credentials from /api/agents.
            "MAILGATE_APPROVAL_AGENTS_SECRET",
            "ZTJlLWFnZW50LXNlY3JldC1mb3ItbWFpbGdhdGUtZTJlLXRlc3Rz"));
    add(
        "outbound-service",
        postgres.database("mailgate_outbound"),
        common,
        Map.of(
            "MAILGATE_OUTBOUND_APPROVAL_KEY_FILES",
            ApprovalTestKeys.file(ApprovalTestKeys.PUBLIC).toString(),
            // Sent mail is followed at MultiMail from 30 s on in production; here at once.
            "MAILGATE_OUTBOUND_FOLLOW_FIRST_CHECK",
            "300ms",
            "MAILGATE_OUTBOUND_FOLLOW_MAX_INTERVAL",
            "1s",
            "MAILGATE_OUTBOUND_FOLLOW_POLL_INTERVAL",
            "200ms"));
    add(
        "inbox-poller",
        postgres.database("mailgate_poller"),
        common,
        Map.of(
            "MAILGATE_POLLER_MAILBOXES", AUTONOMOUS + "," + GATED_ALL + "," + GATED,
            "MAILGATE_POLLER_INTERVAL", "300ms",
            "MAILGATE_POLLER_JITTER", "100ms",
            "MAILGATE_OUTBOX_RELAY_POLL_INTERVAL", "200ms"));
    add(
        "audit-service",
        postgres.database("mailgate_audit"),
        common,
        Map.of(
            "MAILGATE_AUDIT_INTEGRITY_KEY",
            AUDIT_INTEGRITY_KEY,
            "MAILGATE_AUDIT_ANCHORS_EVERY",
            "1s"));

    // The console's item page reads the audit trail from audit-service.
    service("approval-service").environment("MAILGATE_APPROVAL_CONSOLE_AUDIT_URL", auditUrl());

    services.values().forEach(ServiceProcess::start);
    services.values().forEach(ServiceProcess::awaitReady);
  }

  private void add(
      String module, PostgresDatabase db, Map<String, String> common, Map<String, String> own) {
    Map<String, String> env = new HashMap<>(common);
    // Each service authenticates to the broker as its own principal, with its own ACLs.
    env.putAll(
        KafkaBroker.environment(
            broker.serviceProperties(KafkaAccess.Service.named(module).orElseThrow())));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
    env.putAll(own);
    services.put(
        module, new ServiceProcess(module, module, FreePorts.next(), FreePorts.next(), env));
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  SandboxProcess sandbox() {
    return sandbox;
  }

  ServiceProcess service(String module) {
    return services.get(module);
  }

  String approvalUrl() {
    return service("approval-service").baseUrl();
  }

  String auditUrl() {
    return service("audit-service").baseUrl();
  }

  private void stop() {
    services.values().parallelStream().forEach(ServiceProcess::stop);
    sandbox.stop();
  }

  /** A classpath resource as a file, for a service that reads it from disk. */
  private static Path resource(String name, String suffix) {
    try (InputStream in = MailGate.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no classpath resource " + name);
      }
      Path file = Files.createTempFile("mailgate-e2e-", suffix);
      file.toFile().deleteOnExit();
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
