package dev.mailgate.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.RoleNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of "b must be held (duplicate or conflict)" over the labelled corpus
 * (src/test/resources/conflict-corpus, written by its generate.py), with a mailbox's default
 * thresholds; prints the figures overall and per class. {@code -Dconflict.corpus=<file>} reads
 * another corpus instead (e.g. {@code generate.py 7}, a held-out check of the thresholds).
 */
class ConflictCorpusTest {

  record Outcome(
      String id,
      String kind,
      boolean expected,
      boolean held,
      Assessment assessment,
      JsonNode pair) {}

  @Test
  void heldIffDuplicateOrConflictWithRecallAtLeast99AndPrecisionAtLeast95() throws Exception {
    List<JsonNode> pairs = corpus();
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode pair : pairs) {
      Assessment assessment = assess(pair.get("a"), pair.get("b"), ConflictRules.defaults());
      outcomes.add(
          new Outcome(
              pair.get("id").asText(),
              pair.get("class").asText(),
              pair.get("hold").asBoolean(),
              !(assessment instanceof Assessment.Unique),
              assessment,
              pair));
    }
    long tp = outcomes.stream().filter(o -> o.expected && o.held).count();
    long fp = outcomes.stream().filter(o -> !o.expected && o.held).count();
    long fn = outcomes.stream().filter(o -> o.expected && !o.held).count();
    double recall = (double) tp / (tp + fn);
    double precision = (double) tp / (tp + fp);
    System.out.printf(
        "conflict corpus: %d pairs, recall %.3f, precision %.3f (tp %d, fp %d, fn %d)%n",
        outcomes.size(), recall, precision, tp, fp, fn);
    Map<String, long[]> perClass = new TreeMap<>();
    for (Outcome o : outcomes) {
      long[] c = perClass.computeIfAbsent(o.kind, k -> new long[3]);
      c[0]++;
      c[1] += o.held == o.expected ? 1 : 0;
      c[2] += o.expected ? 1 : 0;
    }
    perClass.forEach(
        (k, c) ->
            System.out.printf(
                "  %-34s %3d pairs, should be %s, correct %3d (%.3f)%n",
                k, c[0], c[2] > 0 ? "held" : "sent", c[1], (double) c[1] / c[0]));
    printSimilarities(pairs);
    outcomes.stream()
        .filter(o -> o.held != o.expected)
        .forEach(
            o ->
                System.out.println(
                    "  wrong: "
                        + o.id
                        + " "
                        + describe(o.assessment)
                        + "\n    a: "
                        + keys(o.pair.get("a")).topicTerms()
                        + "\n    b: "
                        + keys(o.pair.get("b")).topicTerms()));
    assertThat(recall).isGreaterThanOrEqualTo(0.99);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void contradictionsCarryTheDifferingFactOfTheirKind() throws Exception {
    int expected = 0;
    int found = 0;
    for (JsonNode pair : corpus()) {
      if (pair.get("expect_kind").isNull()) {
        continue;
      }
      expected++;
      String kind = pair.get("expect_kind").asText();
      if (assess(pair.get("a"), pair.get("b"), ConflictRules.defaults())
              instanceof Assessment.Conflict conflict
          && conflict.disagreements().stream()
              .flatMap(d -> d.facts().stream())
              .anyMatch(f -> f.kind().equals(kind))) {
        found++;
      } else {
        System.out.println("  no " + kind + " difference found: " + pair.get("id").asText());
      }
    }
    double share = (double) found / expected;
    System.out.printf(
        "conflict corpus: the contradicted fact is on the conflict in %d of %d pairs (%.3f)%n",
        found, expected, share);
    assertThat(share).isGreaterThanOrEqualTo(0.95);
  }

  private static String describe(Assessment assessment) {
    return assessment instanceof Assessment.Conflict c
        ? "conflict: " + c.why()
        : assessment.getClass().getSimpleName();
  }

  /** The topic similarity range of each class: how far the classes are from the thresholds. */
  private static void printSimilarities(List<JsonNode> pairs) {
    Map<String, double[]> range = new TreeMap<>();
    for (JsonNode pair : pairs) {
      String ta = keys(pair.get("a")).topicTerms();
      String tb = keys(pair.get("b")).topicTerms();
      double s = TopicTerms.similarity(ta, tb);
      double[] r =
          range.computeIfAbsent(pair.get("class").asText(), k -> new double[] {1, 0, 0, 0, 0});
      r[0] = Math.min(r[0], s);
      r[1] = Math.max(r[1], s);
      r[2] += s;
      r[3]++;
      r[4] += TopicTerms.anchored(ta, tb) ? 1 : 0;
    }
    range.forEach(
        (k, r) ->
            System.out.printf(
                "  %-34s topic similarity min %.2f mean %.2f max %.2f, anchored %.2f%n",
                k, r[0], r[2] / r[3], r[1], r[4] / r[3]));
  }

  /**
   * b against a, as the intake would: a is a candidate only if they share a recipient or thread.
   */
  static Assessment assess(JsonNode a, JsonNode b, ConflictRules rules) {
    ContentKeys ka = keys(a);
    ContentKeys kb = keys(b);
    List<String> toA = addresses(a);
    boolean overlap =
        addresses(b).stream().anyMatch(toA::contains)
            || (thread(a) != null && thread(a).equals(thread(b)));
    List<Candidate> candidates =
        overlap
            ? List.of(
                new Candidate(
                    "a",
                    a.get("role").asText(),
                    RoleNames.key(a.get("role").asText()),
                    DecisionState.APPROVED,
                    ka.contentHash(),
                    ka.recipientsHash(),
                    ka.subjectKey(),
                    ka.fingerprint(),
                    null,
                    Instant.EPOCH,
                    thread(a),
                    ka.topicTerms(),
                    ka.facts()))
            : List.of();
    return DuplicateDetector.assess(
        RoleNames.key(b.get("role").asText()), thread(b), kb, candidates, rules);
  }

  private static ContentKeys keys(JsonNode email) {
    return ContentKeys.of(
        email.get("subject").asText(), email.get("markdown").asText(), addresses(email));
  }

  private static List<String> addresses(JsonNode email) {
    List<String> to = new ArrayList<>();
    email.get("to").forEach(n -> to.add(n.asText().toLowerCase(java.util.Locale.ROOT)));
    return to;
  }

  private static String thread(JsonNode email) {
    JsonNode t = email.get("thread_id");
    return t == null || t.isNull() ? null : t.asText();
  }

  static List<JsonNode> corpus() throws Exception {
    List<JsonNode> pairs = new ArrayList<>();
    String other = System.getProperty("conflict.corpus");
    try (BufferedReader in =
        other != null
            ? java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(other))
            : new BufferedReader(
                new InputStreamReader(
                    Objects.requireNonNull(
                        ConflictCorpusTest.class.getResourceAsStream(
                            "/conflict-corpus/corpus.jsonl")),
                    StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          pairs.add(EventJson.mapper().readTree(line));
        }
      }
    }
    return pairs;
  }
}
