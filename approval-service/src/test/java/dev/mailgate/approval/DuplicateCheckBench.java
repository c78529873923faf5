package dev.mailgate.approval;

import dev.mailgate.approval.domain.Assessment;
import dev.mailgate.approval.domain.Candidate;
import dev.mailgate.approval.domain.ConflictRules;
import dev.mailgate.approval.domain.ContentKeys;
import dev.mailgate.approval.domain.DuplicateDetector;
import dev.mailgate.approval.domain.IntentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no Test suffix). Run on demand: {@code ./mvnw -pl approval-service verify
 * -Dtest=DuplicateCheckBench -Dbench.window=100000}. Fills one mailbox's window with recent
 * intents, then times the duplicate/conflict check of new intents: the two indexed lookups and the
 * fingerprint comparison, as the intake runs them.
 */
@QuarkusTest
@ApprovalTestResources
class DuplicateCheckBench {

  private static final String MAILBOX = "mbx_bench_window";

  @Inject IntentRepository intents;
  @Inject DataSource dataSource;

  @Test
  void duplicateAndConflictCheckWithAFullWindow() throws Exception {
    int window = Integer.getInteger("bench.window", 100_000);
    int recipients = window / 5;
    fill(window, recipients);
    Random random = new Random(7);
    Instant since = Instant.now().minus(Duration.ofHours(24));
    for (int batchSize : new int[] {1, 1, 500, 500}) {
      int batches = batchSize == 1 ? 2_000 : 20;
      long[] nanos = new long[batches];
      int conflicts = 0;
      for (int b = 0; b < batches; b++) {
        List<List<String>> to = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
          to.add(List.of("r" + random.nextInt(recipients) + "@customer.example.com"));
        }
        long began = System.nanoTime();
        conflicts += QuarkusTransaction.requiringNew().call(() -> check(to, since));
        nanos[b] = System.nanoTime() - began;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "window=%d batch=%d batches=%d per-batch p50=%.2f ms p99=%.2f ms;"
              + " per intent %.3f ms; conflicts=%d%n",
          window,
          batchSize,
          batches,
          nanos[batches / 2] / 1e6,
          nanos[batches * 99 / 100] / 1e6,
          nanos[batches / 2] / 1e6 / batchSize,
          conflicts);
    }
  }

  /**
   * The intake's check for one batch: one windowed lookup for all recipients, then fingerprints.
   */
  private int check(List<List<String>> batch, Instant since) {
    Set<String> all = new HashSet<>();
    batch.forEach(all::addAll);
    Map<String, List<Candidate>> byRecipient = intents.byRecipients(MAILBOX, all, since, 20_000);
    int conflicts = 0;
    for (int i = 0; i < batch.size(); i++) {
      List<String> to = batch.get(i);
      ContentKeys keys =
          ContentKeys.of(
              "Export feature update " + i,
              "Hi Dana,\n\nThe export feature for report "
                  + i
                  + " ships on December "
                  + (i % 28 + 1)
                  + " at 3pm; the add-on costs $1,200 and 50 seats are included.\n\n"
                  + "Best,\nAlice",
              to);
      List<Candidate> candidates = byRecipient.getOrDefault(to.get(0), List.of());
      conflicts +=
          DuplicateDetector.assess("bench", null, keys, candidates, ConflictRules.defaults())
                  instanceof Assessment.Conflict
              ? 1
              : 0;
    }
    return conflicts;
  }

  private void fill(int window, int recipients) throws Exception {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.execute("DELETE FROM intent WHERE mailbox_id = '" + MAILBOX + "'");
      statement.execute(
          "INSERT INTO intent (intent_id, mailbox_id, kind, role, role_key, subject, markdown, received_at, state,"
              + " content_hash, recipients_hash, subject_key, fingerprint, topic_terms, facts)"
              + " SELECT 'bench-' || g, '"
              + MAILBOX
              + "', 'send', 'Role' || (g % 3), 'role' || (g % 3), 'Subject ' || g, 'Body',"
              + " now() - (g % 86000) * interval '1 second', 'approved', md5(g::text), md5((g % "
              + recipients
              + ")::text),"
              + " 'subject ' || g, (random() * 9e18)::bigint,"
              + " 'add export feature report s:export s:feature s:update ship update ' || (g % 97),"
              + " 'date||12-' || lpad((g % 28 + 1)::text, 2, '0') || '|december ' || (g % 28 + 1)"
              + " || E'\\namount||USD 1200.00|$1,200' FROM generate_series(1, "
              + window
              + ") g");
      statement.execute(
          "INSERT INTO intent_recipient (intent_id, recipient, mailbox_id, received_at)"
              + " SELECT intent_id, 'r' || (substring(intent_id from 7)::int % "
              + recipients
              + ") || '@customer.example.com',"
              + " mailbox_id, received_at FROM intent WHERE mailbox_id = '"
              + MAILBOX
              + "'");
      statement.execute("ANALYZE intent");
      statement.execute("ANALYZE intent_recipient");
    }
  }
}
