package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.mailgate.audit.config.IntegrityKey;
import dev.mailgate.audit.domain.Anchor;
import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.AuditEventRepository;
import dev.mailgate.audit.domain.ChainBreak;
import dev.mailgate.audit.domain.ChainHash;
import dev.mailgate.audit.service.ChainAnchoring;
import dev.mailgate.audit.service.ChainReport;
import dev.mailgate.audit.service.ChainVerifier;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresTestResource;
import dev.mailgate.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An intruder with full access to the audit database (but not to the integrity key) rewrites the
 * chain consistently; the anchors kept on {@code mail.audit-anchors} give it away.
 */
@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class AuditIntegrityTest {

  private static final String ADMIN = TestTokens.admin("auditor");

  @Inject DataSource db;
  @Inject AuditEventRepository events;
  @Inject ChainAnchoring anchoring;
  @Inject ChainVerifier verifier;
  @Inject IntegrityKey key;
  @Inject MeterRegistry metrics;

  private Flow flow;

  @BeforeEach
  void recordAndAnchorAFlow() {
    flow = Flow.fresh();
    flow.publish();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Trail.rows(db, "chain_key = ?", flow.mailbox()).size() == 6);
    assertThat(anchoring.anchorNow())
        .filteredOn(anchor -> anchor.chain().equals(flow.mailbox()))
        .singleElement()
        .satisfies(anchor -> assertThat(anchor.position()).isEqualTo(6));
    Trail.execute(db, "create table if not exists integrity_backup (like audit_event)");
  }

  @Test
  void newRowsCarryKeyedLinksAndTheChainIsAnchored() {
    assertThat(Trail.rows(db, "chain_key = ?", flow.mailbox()))
        .allSatisfy(row -> assertThat(((Number) row.get("link_version")).intValue()).isEqualTo(2))
        .allSatisfy(row -> assertThat(row.get("hash")).isNotEqualTo(unkeyed(row)));
    verify().body("intact", is(true)).body("anchored_position", is(6)).body("head_position", is(6));
    assertThat(anchoring.anchorNow()).noneMatch(anchor -> anchor.chain().equals(flow.mailbox()));
  }

  @Test
  void deletingTheTailAndFixingTheHeadIsDetected() {
    Map<String, Object> last = row(6);
    Map<String, Object> fourth = row(4);
    moveFrom(5, "audit_event", "integrity_backup");
    setHead(4, (String) fourth.get("hash"));

    verify()
        .body("intact", is(false))
        .body("first_break.kind", is("missing"))
        .body("first_break.position", is(5))
        .body("first_break.expected_hash", is(last.get("hash")))
        .body("first_break.detail", containsString("anchored at position 6"));
    assertThat(anchoring.anchorNow())
        .as("a shorter chain is never anchored")
        .noneMatch(anchor -> anchor.chain().equals(flow.mailbox()));

    moveFrom(5, "integrity_backup", "audit_event");
    setHead(6, (String) last.get("hash"));
    verify().body("intact", is(true));
  }

  @Test
  void relinkingTheRemainingRowsWithPlainSha256IsDetected() {
    moveFrom(5, "audit_event", "integrity_backup");
    String head = relinkUnkeyed(1, 4);
    setHead(4, head);

    verify()
        .body("intact", is(false))
        .body("first_break.kind", is("missing"))
        .body("first_break.position", is(5));
  }

  @Test
  void aRewrittenTailOfTheSameLengthIsDetectedAtTheAnchor() {
    Trail.execute(
        db,
        "update audit_event set reasoning = 'nothing happened' where chain_key = ? and chain_seq = 1",
        flow.mailbox());
    String head = relinkUnkeyed(1, 6);
    setHead(6, head);

    verify()
        .body("intact", is(false))
        .body("first_break.kind", is("altered"))
        .body("first_break.position", is(6))
        .body("first_break.actual_hash", is(head));
  }

  @Test
  void anUnkeyedLinkAfterAKeyedOneIsABreak() {
    Trail.execute(
        db,
        "update audit_event set reasoning = 'nothing happened' where chain_key = ? and chain_seq = 6",
        flow.mailbox());
    String head = relinkUnkeyed(6, 6);
    setHead(6, head);

    ChainReport report = verifier.verify(flow.mailbox()).orElseThrow();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBreak().position()).isEqualTo(6);
    assertThat(report.firstBreak().detail()).contains("unkeyed link after a keyed one");
  }

  @Test
  void alteringARowIsDetected() {
    Map<String, Object> row = row(2);
    Trail.execute(db, "update audit_event set agent = 'Mallory' where id = ?", row.get("id"));

    verify()
        .body("intact", is(false))
        .body("first_break.kind", is("altered"))
        .body("first_break.position", is(2))
        .body("first_break.row_id", is(((Long) row.get("id")).intValue()));
  }

  @Test
  void forgedAnchorsAreIgnoredAndCounted() {
    double before = metrics.counter("mailgate.audit.anchors.invalid").count();
    SecretKeySpec otherKey =
        new SecretKeySpec("not the integrity key, 32+ bytes long".getBytes(), "HmacSHA256");
    Anchor forged = Anchor.sign(otherKey, flow.mailbox(), 1000, "ab".repeat(32), Instant.now());
    Anchor tampered =
        new Anchor(flow.mailbox(), 1000, "ab".repeat(32), Instant.now(), anchor(6).mac());
    Trail.send(Topics.AUDIT_ANCHORS, flow.mailbox(), bytes(forged.json()));
    Trail.send(Topics.AUDIT_ANCHORS, flow.mailbox(), bytes(tampered.json()));
    Trail.send(Topics.AUDIT_ANCHORS, flow.mailbox(), bytes("{not an anchor"));

    verify().body("intact", is(true)).body("anchored_position", is(6));
    assertThat(metrics.counter("mailgate.audit.anchors.invalid").count()).isEqualTo(before + 3);
  }

  @Test
  void anchorsAreReadFromTheTopic() {
    Anchor ahead = Anchor.sign(key.anchorKey(), flow.mailbox(), 9, "cd".repeat(32), Instant.now());
    Trail.send(Topics.AUDIT_ANCHORS, flow.mailbox(), bytes(ahead.json()));

    verify()
        .body("intact", is(false))
        .body("anchored_position", is(9))
        .body("first_break.kind", is("missing"))
        .body("first_break.position", is(7));
  }

  @Test
  void anchorsAreAppendedToTheAnchorsFile() {
    assertThat(anchor(6).hash()).isEqualTo(row(6).get("hash"));
  }

  @Test
  void theIncrementalCheckWalksOnlyNewRowsYetSeesATruncatedTail() {
    assertThat(incremental().rowsChecked()).isZero();
    Trail.publish(
        Topics.POLICIES,
        flow.mailbox(),
        UUID.randomUUID().toString(),
        EventTypes.POLICY_CHANGED,
        Map.of("mailbox_id", flow.mailbox(), "change", "mailbox.updated"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Trail.rows(db, "chain_key = ?", flow.mailbox()).size() == 7);
    assertThat(incremental())
        .satisfies(r -> assertThat(r.intact()).isTrue())
        .satisfies(r -> assertThat(r.rowsChecked()).isEqualTo(1));
    verify().body("intact", is(true)).body("rows_checked", is(7));

    Map<String, Object> sixth = row(6);
    moveFrom(7, "audit_event", "integrity_backup");
    setHead(6, (String) sixth.get("hash"));
    ChainReport truncated = incremental();
    assertThat(truncated.intact()).isFalse();
    assertThat(truncated.firstBreak().position()).isEqualTo(7);
  }

  @Test
  void afterARestartTheIncrementalCheckStartsAtTheAnchor() {
    verifier.forgetVerifiedPositions();
    Trail.publish(
        Topics.POLICIES,
        flow.mailbox(),
        UUID.randomUUID().toString(),
        EventTypes.POLICY_CHANGED,
        Map.of("mailbox_id", flow.mailbox(), "change", "mailbox.updated"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Trail.rows(db, "chain_key = ?", flow.mailbox()).size() == 7);

    assertThat(incremental())
        .satisfies(r -> assertThat(r.intact()).isTrue())
        .satisfies(r -> assertThat(r.rowsChecked()).isEqualTo(1));

    verifier.forgetVerifiedPositions();
    Trail.execute(
        db,
        "update audit_event set reasoning = 'nothing happened' where chain_key = ? and chain_seq = 6",
        flow.mailbox());
    ChainReport altered = incremental();
    assertThat(altered.intact()).isFalse();
    assertThat(altered.firstBreak().kind()).isEqualTo(ChainBreak.Kind.ALTERED);
    assertThat(altered.firstBreak().position()).isEqualTo(6);
  }

  private ChainReport incremental() {
    return verifier.verifyAllIncremental().stream()
        .filter(r -> r.chain().equals(flow.mailbox()))
        .findFirst()
        .orElseThrow();
  }

  /** The anchor written for this chain at {@code position}, as the anchors file holds it. */
  private Anchor anchor(long position) {
    return readAnchors().stream()
        .filter(a -> a.chain().equals(flow.mailbox()) && a.position() == position)
        .findFirst()
        .orElseThrow();
  }

  private List<Anchor> readAnchors() {
    try {
      return Files.readAllLines(Path.of("target/audit-anchors.jsonl")).stream()
          .map(line -> Anchor.read(key.anchorKey(), bytes(line)).orElseThrow())
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Recomputes positions {@code from} to {@code to} with plain SHA-256 (link version 1), each on
   * its predecessor as stored; returns the last hash.
   */
  private String relinkUnkeyed(int from, int to) {
    String prev = (String) row(from).get("prev_hash");
    for (int seq = from; seq <= to; seq++) {
      int position = seq;
      AuditEvent event =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      events
                          .find("chainKey = ?1 and chainSeq = ?2", flow.mailbox(), (long) position)
                          .firstResult());
      event.prevHash = prev;
      event.linkVersion = ChainHash.UNKEYED;
      event.hash = ChainHash.unkeyed(event);
      Trail.execute(
          db,
          "update audit_event set prev_hash = ?, hash = ?, link_version = 1 where id = ?",
          event.prevHash,
          event.hash,
          event.id);
      prev = event.hash;
    }
    return prev;
  }

  private String unkeyed(Map<String, Object> row) {
    AuditEvent event =
        QuarkusTransaction.requiringNew().call(() -> events.findById((Long) row.get("id")));
    return ChainHash.unkeyed(event);
  }

  private void setHead(long seq, String hash) {
    Trail.execute(
        db,
        "update audit_chain set last_seq = ?, last_hash = ? where chain_key = ?",
        seq,
        hash,
        flow.mailbox());
  }

  private void moveFrom(int position, String from, String to) {
    Trail.execute(
        db,
        "with gone as (delete from "
            + from
            + " where chain_key = ? and chain_seq >= ? returning *) insert into "
            + to
            + " select * from gone",
        flow.mailbox(),
        position);
  }

  private Map<String, Object> row(int position) {
    return Trail.rows(db, "chain_key = ? and chain_seq = ?", flow.mailbox(), position).get(0);
  }

  private ValidatableResponse verify() {
    return given()
        .auth()
        .oauth2(ADMIN)
        .get("/audit/chains/{chain}/verify", flow.mailbox())
        .then()
        .statusCode(200)
        .body("chain", is(flow.mailbox()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
