package dev.mailgate.approval.console;

import dev.mailgate.approval.domain.FactDifference;
import dev.mailgate.approval.domain.InboundItem;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.events.IntentKind;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the console's templates show: plain records, built from the domain by the pages. */
public final class Models {

  private Models() {}

  /** One row of the queue. */
  @TemplateData
  public record Row(
      String intentId,
      String mailboxId,
      String state,
      String team,
      String role,
      String agent,
      String subject,
      String to,
      String waiting,
      String expiresIn,
      boolean overdue) {

    static Row of(Intent i, Instant now) {
      return new Row(
          i.intentId,
          i.mailboxId,
          i.state.wire(),
          i.team,
          i.role,
          i.agent,
          i.subject,
          String.join(", ", i.to),
          human(Duration.between(i.receivedAt, now)),
          !i.isPending() || i.expiresAt == null
              ? "—"
              : i.expiresAt.isBefore(now)
                  ? "overdue"
                  : "in " + human(Duration.between(now, i.expiresAt)),
          i.expiresAt != null && i.isPending() && i.expiresAt.isBefore(now));
    }
  }

  /** A held inbound email. */
  @TemplateData
  public record Inbound(
      String emailId, String mailboxId, String from, String subject, String waiting) {

    static Inbound of(InboundItem i, Instant now) {
      return new Inbound(
          i.emailId,
          i.mailboxId,
          i.payload == null ? "" : i.payload.path("from").asText(""),
          i.payload == null ? "" : i.payload.path("subject").asText(""),
          human(Duration.between(i.receivedAt, now)));
    }
  }

  /** The queue page. */
  @TemplateData
  public record Queue(
      QueueFilter filter,
      List<Row> rows,
      List<ConsoleQueries.Count> counts,
      List<Inbound> inbound,
      String next,
      String query,
      int pollSeconds,
      List<String> reasons) {}

  /** A member of a conflict group beside the others, with what differs marked. */
  @TemplateData
  public record Member(
      String intentId,
      String role,
      String agent,
      String state,
      String subject,
      boolean subjectDiffers,
      String to,
      boolean toDiffers,
      List<LineDiff.Line> lines,
      boolean current,
      boolean pending) {}

  /** The item page. */
  @TemplateData
  public record Item(
      Intent intent,
      String to,
      String cc,
      String bcc,
      List<String> attachments,
      RawString body,
      String expiresIn,
      List<Member> group,
      List<FactDifference> facts,
      List<Row> thread,
      Row duplicateOf,
      List<LineDiff.Line> originalDiff,
      List<String> reasons,
      Trail trail) {

    public boolean pending() {
      return intent.isPending();
    }

    /** A reply: its recipients and subject follow the thread and cannot be edited. */
    public boolean reply() {
      return intent.kind == IntentKind.REPLY;
    }

    /** The kind as the contract spells it. */
    public String kind() {
      return intent.kind == null ? "" : intent.kind.wire();
    }
  }

  /**
   * An item's audit timeline as audit-service holds it; {@code unavailable} says why it cannot be
   * shown, {@code truncated} that only the first {@link AuditTrail#MAX_STEPS} are.
   */
  @TemplateData
  public record Trail(List<Step> steps, String unavailable, boolean truncated) {}

  /** One audited event: when, what, who, the reason or error it carries, its chain position. */
  @TemplateData
  public record Step(String at, String type, String actor, String detail, long position) {}

  /** A hash chain's verification: {@code intact}, {@code broken} or {@code unknown}, in words. */
  @TemplateData
  public record Chain(String status, String text) {}

  /** An edit shown as a diff before the reviewer confirms it. */
  @TemplateData
  public record Preview(
      Intent intent,
      String subject,
      String to,
      String cc,
      String bcc,
      String markdown,
      List<LineDiff.Line> subjectDiff,
      List<LineDiff.Line> recipientsDiff,
      List<LineDiff.Line> bodyDiff,
      boolean changed) {}

  /** The result of one item of a bulk decision. */
  @TemplateData
  public record Result(String intentId, boolean done, String message) {}

  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3_600) {
      return s / 60 + " min";
    }
    if (s < 86_400) {
      return s / 3_600 + " h " + s % 3_600 / 60 + " min";
    }
    return s / 86_400 + " d " + s % 86_400 / 3_600 + " h";
  }
}
