package dev.mailgate.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no Test suffix). Run on demand: {@code ./mvnw -pl approval-service test
 * -Dtest=ContentKeysBench}. Times the content keys computed for every intent at intake (hashes,
 * SimHash, topic terms, facts) on mail shaped like {@code ./mailgate bench}'s and like a longer
 * human email, and prints microseconds per intent: compare runs as ratios.
 */
class ContentKeysBench {

  @Test
  void contentKeysPerIntent() {
    for (String shape : List.of("bench", "long")) {
      for (int round = 0; round < 3; round++) {
        int n = 20_000;
        long began = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < n; i++) {
          ContentKeys keys =
              ContentKeys.of(
                  subject(shape, i), body(shape, i), List.of("c" + i + "@x.example.com"));
          sink += keys.fingerprint() + keys.facts().length();
        }
        double micros = (System.nanoTime() - began) / 1_000.0 / n;
        System.out.printf(
            "content keys, %s mail, round %d: %.1f µs per intent%n", shape, round, micros);
        assertThat(sink).isNotZero();
      }
    }
  }

  private static String subject(String shape, int n) {
    return shape.equals("bench")
        ? "Order " + (100_000 + n) + ": status update run-1"
        : "Re: Launch plan for the export feature (" + n + ")";
  }

  private static String body(String shape, int n) {
    if (shape.equals("bench")) {
      return "Hello,\n\nyour order "
          + (100_000 + n)
          + " left our warehouse on day "
          + (n % 28 + 1)
          + " and should arrive within "
          + (n % 5 + 2)
          + " working days. Tracking code "
          + UUID.nameUUIDFromBytes(("r" + n).getBytes())
          + ".\n\nKind regards,\nthe bench team";
    }
    return "Hi Dana,\n\nthanks for the call on Tuesday. As agreed, the export feature ships on"
        + " December 10 at 09:00 CET, version 2.4.1, for 1,200 seats at EUR 18,500 per year"
        + " (a 12% discount). We will not include the legacy importer; the API will support"
        + " CSV and JSON. Our team of 4 engineers starts on Monday.\n\nCould you confirm the"
        + " budget by Friday? If anything changes we'll tell you at once.\n\n> On Mon, Dana"
        + " wrote:\n> Can you send the plan?\n\nBest regards,\nAlex\n--\nAlex Example | ACME"
        + " | +1 555 0100 | ref "
        + n;
  }
}
