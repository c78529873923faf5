package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operators' files under {@code ops/}: the alert rules and the Grafana dashboard load, are well
 * formed, and name only metrics the services register (read from their sources), so a renamed
 * metric cannot leave an alert that never fires.
 */
class ObservabilityFilesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REGISTERED = Pattern.compile("\"(mailgate(?:\\.[a-z]+)+)\"");
  private static final Pattern USED = Pattern.compile("\\b((?:mailgate|kafka)_[a-z_]+)\\b");
  private static final Pattern SUFFIX = Pattern.compile("(_total|_bucket|_sum|_count|_max)$");
  private static final Set<String> KAFKA_CLIENT =
      Set.of("kafka_consumer_fetch_manager_records_lag");
  private static final List<String> SERVICES =
      List.of("approval-service", "outbound-service", "inbox-poller", "audit-service");

  private final Path ops = Repository.root().resolve("ops");
  private final Set<String> registered = registeredMetrics();

  @Test
  void everyAlertIsWellFormedAndWatchesARealMetric() throws IOException {
    JsonNode rules = YAML.readTree(ops.resolve("prometheus/alerts.yml").toFile());
    Set<String> names = new HashSet<>();
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : rules.path("groups")) {
      assertThat(group.path("name").asText()).isNotBlank();
      for (JsonNode rule : group.path("rules")) {
        String alert = rule.path("alert").asText();
        alerts.add(alert);
        assertThat(names.add(alert)).as("alert %s is unique", alert).isTrue();
        assertThat(rule.path("labels").path("severity").asText())
            .as(alert)
            .isIn("info", "warning", "critical");
        assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
        assertThat(unknownMetrics(rule.path("expr").asText())).as(alert).isEmpty();
      }
    }
    assertThat(alerts)
        .contains(
            "MailGateReviewsAboutToExpire",
            "MailGateDeadLetters",
            "MailGateMailboxPaused",
            "MailGateOutboxStuck",
            "MailGateConsumerLagGrowing",
            "MailGateAuditChainBroken");
  }

  @Test
  void theDashboardLoadsWithEveryPanelOnTheGridAndOnRealMetrics() throws IOException {
    JsonNode dashboard = JSON.readTree(ops.resolve("grafana/mailgate-dashboard.json").toFile());
    assertThat(dashboard.path("title").asText()).isEqualTo("MailGate");
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
    Set<Integer> ids = new HashSet<>();
    int panels = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      panels++;
      String title = panel.path("title").asText();
      assertThat(ids.add(panel.path("id").asInt())).as("panel id of %s is unique", title).isTrue();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("w").asInt()).as(title).isBetween(1, 24);
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title).isLessThanOrEqualTo(24);
      assertThat(panel.at("/datasource/uid").asText()).as(title).isEqualTo("${datasource}");
      assertThat(panel.path("targets").size()).as(title).isPositive();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("expr").asText()).as(title).isNotBlank();
        assertThat(unknownMetrics(target.path("expr").asText())).as(title).isEmpty();
      }
    }
    assertThat(panels).isGreaterThanOrEqualTo(10);
  }

  @Test
  void prometheusScrapesTheFourServicesAndLoadsTheRules() throws IOException {
    JsonNode config = YAML.readTree(ops.resolve("prometheus/prometheus.yml").toFile());
    assertThat(config.path("rule_files").toString()).contains("alerts.yml");
    List<String> jobs = new ArrayList<>();
    for (JsonNode job : config.path("scrape_configs")) {
      jobs.add(job.path("job_name").asText());
      assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
      // Metrics are served on the management interface only (port 908x), never the API port.
      assertThat(job.path("static_configs").toString()).containsPattern(":908[1-4]\"");
    }
    assertThat(jobs).containsExactlyInAnyOrderElementsOf(SERVICES);
  }

  @Test
  void theCheckFindsAMetricNobodyRegisters() {
    assertThat(unknownMetrics("sum(rate(mailgate_deliveries_made_up_total[5m])) > 0"))
        .containsExactly("mailgate_deliveries_made_up_total");
    assertThat(unknownMetrics("max(mailgate_outbound_paused_mailboxes) > 0")).isEmpty();
  }

  private List<String> unknownMetrics(String expr) {
    List<String> unknown = new ArrayList<>();
    Matcher m = USED.matcher(expr);
    while (m.find()) {
      String used = m.group(1);
      if (KAFKA_CLIENT.contains(used)) {
        continue;
      }
      String base = withoutSeconds(SUFFIX.matcher(used).replaceFirst(""));
      if (!registered.contains(base)) {
        unknown.add(used);
      }
    }
    return unknown;
  }

  /** Meter names the services register, as Prometheus writes them, without a unit suffix. */
  private static Set<String> registeredMetrics() {
    Set<String> names = new HashSet<>();
    try (Stream<Path> modules = Files.list(Repository.root())) {
      for (Path sources :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(sources)) {
          files
              .filter(f -> f.toString().endsWith(".java"))
              .forEach(
                  f -> {
                    Matcher m = REGISTERED.matcher(read(f));
                    while (m.find()) {
                      names.add(withoutSeconds(m.group(1).replace('.', '_')));
                    }
                  });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static String withoutSeconds(String name) {
    return name.endsWith("_seconds")
        ? name.substring(0, name.length() - "_seconds".length())
        : name;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
