package dev.mailgate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one bench run does, from the command line ({@code --intents N --rate R --mailboxes M
 * --pending P --report FILE}) and where the stack is, from system properties the {@code mailgate}
 * script passes ({@code bench.*}).
 *
 * @param intents autonomous intents to publish (0 skips the pipeline run)
 * @param rate intents per second to publish at; 0 publishes as fast as the producer goes
 * @param mailboxes autonomous mailboxes the intents are spread over
 * @param pending items to hold for review for the review-list benchmark (0 skips it)
 * @param report where the JSON report goes; the SVG chart goes beside it
 */
public record BenchOptions(
    int intents, int rate, int mailboxes, int pending, Path report, Stack stack) {

  /** Where the running stack is and how to reach it. */
  public record Stack(
      Path agentProperties,
      Path adminProperties,
      String approvalUrl,
      String sandboxUrl,
      List<String> adminTokens,
      String reviewerToken,
      String jdbcBase,
      String dbUser,
      String dbPassword) {

    static Stack fromSystemProperties() {
      return new Stack(
          Path.of(required("bench.agent-properties")),
          Path.of(required("bench.admin-properties")),
          required("bench.approval-url"),
          System.getProperty("bench.sandbox-url", ""),
          List.of(required("bench.admin-token"), required("bench.second-admin-token")),
          required("bench.reviewer-token"),
          required("bench.jdbc-base"),
          System.getProperty("bench.db-user", "mailgate"),
          System.getProperty("bench.db-password", "mailgate"));
    }

    private static String required(String name) {
      String value = System.getProperty(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("system property " + name + " is required");
      }
      return value;
    }
  }

  static final String USAGE =
      "usage: ./mailgate bench [--intents N] [--rate R] [--mailboxes M] [--pending P] [--report FILE]";

  /** Parses the arguments; throws {@link IllegalArgumentException} with the usage on bad input. */
  static BenchOptions parse(List<String> args, Stack stack, Path defaultReport) {
    Map<String, String> given = new java.util.LinkedHashMap<>();
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (!List.of("--intents", "--rate", "--mailboxes", "--pending", "--report").contains(flag)
          || rest.isEmpty()) {
        throw new IllegalArgumentException(USAGE);
      }
      given.put(flag, rest.remove(0));
    }
    int intents = number(given, "--intents", 20_000, 0, 10_000_000);
    int rate = number(given, "--rate", 0, 0, 1_000_000);
    int mailboxes = number(given, "--mailboxes", 4, 1, 1_000);
    int pending = number(given, "--pending", 0, 0, 10_000_000);
    Path report = given.containsKey("--report") ? Path.of(given.get("--report")) : defaultReport;
    return new BenchOptions(intents, rate, mailboxes, pending, report, stack);
  }

  private static int number(
      Map<String, String> given, String flag, int fallback, int min, int max) {
    String value = given.get(flag);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(flag + " must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " takes a number, not " + value);
    }
  }
}
