package dev.mailgate.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.testsupport.PostgresDatabase;
import dev.mailgate.testsupport.PostgresExtension;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class ProcessedEventsTest {

  @RegisterExtension static PostgresExtension postgres = new PostgresExtension("outbox_processed");

  private ProcessedEvents processed;
  private PGSimpleDataSource dataSource;

  @BeforeEach
  void migrate(PostgresDatabase db) {
    Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).load().migrate();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.jdbcUrl());
    dataSource.setUser(db.username());
    dataSource.setPassword(db.password());
    processed = new ProcessedEvents(dataSource);
  }

  @Test
  void anEventIsNewOnlyTheFirstTimePerConsumer() {
    String id = java.util.UUID.randomUUID().toString();

    assertThat(processed.markFirstSeen("audit", id)).isTrue();
    assertThat(processed.markFirstSeen("audit", id)).isFalse();
    assertThat(processed.markFirstSeen("approval", id)).isTrue();
  }

  @Test
  void aBatchReportsOnlyItsNewEvents() {
    String seen = java.util.UUID.randomUUID().toString();
    String fresh = java.util.UUID.randomUUID().toString();
    processed.markFirstSeen("poller", seen);

    assertThat(processed.markFirstSeen("poller", List.of(seen, fresh, fresh)))
        .isEqualTo(Set.of(fresh));
    assertThat(processed.markFirstSeen("poller", List.of())).isEmpty();
  }

  @Test
  void pruningDeletesOnlyMarksOlderThanTheCutOffInBatches() throws Exception {
    List<String> old = List.of("old-1", "old-2", "old-3");
    processed.markFirstSeen("pruned", old);
    processed.markFirstSeen("pruned", List.of("recent"));
    try (var connection = dataSource.getConnection();
        var age =
            connection.prepareStatement(
                "UPDATE processed_event SET processed_at = now() - interval '40 days'"
                    + " WHERE consumer = 'pruned' AND event_id LIKE 'old-%'")) {
      age.executeUpdate();
    }
    var marks =
        new dev.mailgate.outbox.retention.AgedRows(
            "processed_event", "processed_at < ?", java.time.Duration.ofDays(30));
    java.time.Instant now = java.time.Instant.now();

    assertThat(marks.prune(dataSource, now, 2)).isEqualTo(2);
    assertThat(marks.prune(dataSource, now, 2)).isEqualTo(1);
    assertThat(marks.prune(dataSource, now, 2)).isZero();

    // Pruned marks are forgotten (their events would count as new); the recent one is kept.
    assertThat(processed.alreadyProcessed("pruned", List.of("old-1", "old-2", "old-3", "recent")))
        .containsExactly("recent");
  }
}
