package dev.mailgate.approval.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.ConflictFacts;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.service.review.ReviewQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Builds the item and edit-preview pages from an intent and its context. */
@ApplicationScoped
public class ItemModels {

  private final ReviewQueries reviews;
  private final ConsoleQueries queries;
  private final AuditTrail trail;

  private final Clock clock;

  public ItemModels(ReviewQueries reviews, ConsoleQueries queries, AuditTrail trail, Clock clock) {
    this.clock = clock;
    this.reviews = reviews;
    this.queries = queries;
    this.trail = trail;
  }

  Models.Item item(Intent intent, ConsoleSession session) {
    Instant now = clock.instant();
    List<String> attachments = new ArrayList<>();
    if (intent.attachments != null) {
      intent.attachments.forEach(
          a ->
              attachments.add(
                  a.path("name").asText("(unnamed)")
                      + " ("
                      + a.path("content_type").asText("unknown type")
                      + ")"));
    }
    Models.Row duplicateOf =
        intent.relatedIntentId == null
            ? null
            : queries
                .find(intent.relatedIntentId, session.caller())
                .map(i -> Models.Row.of(i, now))
                .orElse(null);
    return new Models.Item(
        intent,
        String.join(", ", intent.to),
        String.join(", ", intent.cc),
        String.join(", ", intent.bcc),
        attachments,
        SafeMarkdown.render(intent.markdown),
        Models.Row.of(intent, now).expiresIn(),
        group(intent, session),
        ConflictFacts.read(intent),
        reviews.thread(intent).stream()
            .filter(i -> session.caller().mayActOn(i.mailboxId))
            .map(i -> Models.Row.of(i, now))
            .toList(),
        duplicateOf,
        originalDiff(intent),
        queries.recentReasons(session.caller(), 8),
        trail.timeline(intent.intentId, session));
  }

  Models.Preview preview(
      Intent intent, String subject, String to, String cc, String bcc, String markdown) {
    String s = subject == null ? intent.subject : subject;
    String m = markdown == null ? intent.markdown : markdown;
    String t =
        to == null ? String.join(", ", intent.to) : String.join(", ", ItemPage.addresses(to));
    String c =
        cc == null ? String.join(", ", intent.cc) : String.join(", ", ItemPage.addresses(cc));
    String b =
        bcc == null ? String.join(", ", intent.bcc) : String.join(", ", ItemPage.addresses(bcc));
    String before =
        recipients(
            String.join(", ", intent.to),
            String.join(", ", intent.cc),
            String.join(", ", intent.bcc));
    String after = recipients(t, c, b);
    boolean changed =
        !Objects.equals(s, intent.subject)
            || !Objects.equals(m, intent.markdown)
            || !before.equals(after);
    return new Models.Preview(
        intent,
        s,
        t,
        c,
        b,
        m,
        LineDiff.diff(intent.subject, s),
        LineDiff.diff(before, after),
        LineDiff.diff(intent.markdown, m),
        changed);
  }

  private static String recipients(String to, String cc, String bcc) {
    return "to: " + to + "\ncc: " + cc + "\nbcc: " + bcc;
  }

  /** The conflict group side by side: lines not shared by every member are marked. */
  private List<Models.Member> group(Intent intent, ConsoleSession session) {
    if (intent.conflictId == null) {
      return List.of();
    }
    List<Intent> members =
        reviews.conflictGroup(intent.conflictId).stream()
            .filter(i -> session.caller().mayActOn(i.mailboxId))
            .toList();
    Set<String> subjects = new HashSet<>();
    Set<String> recipientSets = new HashSet<>();
    members.forEach(
        m -> {
          subjects.add(String.valueOf(m.subject));
          recipientSets.add(String.join(",", m.to));
        });
    List<Models.Member> out = new ArrayList<>();
    for (Intent m : members) {
      List<LineDiff.Line> lines = new ArrayList<>();
      for (String line : lines(m.markdown)) {
        boolean shared = members.stream().allMatch(o -> o == m || lines(o.markdown).contains(line));
        lines.add(new LineDiff.Line(shared ? "same" : "added", line));
      }
      out.add(
          new Models.Member(
              m.intentId,
              m.role,
              m.agent,
              m.state.wire(),
              m.subject,
              subjects.size() > 1,
              String.join(", ", m.to),
              recipientSets.size() > 1,
              lines,
              m.intentId.equals(intent.intentId),
              m.isPending()));
    }
    return out;
  }

  /** A reviewer's recorded edit: the agent's original content against what was sent. */
  private static List<LineDiff.Line> originalDiff(Intent intent) {
    JsonNode original = intent.originalContent;
    if (original == null || original.isNull() || original.isMissingNode()) {
      return List.of();
    }
    List<LineDiff.Line> diff = new ArrayList<>();
    if (original.has("subject")) {
      diff.addAll(
          LineDiff.diff(
              "Subject: " + original.path("subject").asText(), "Subject: " + intent.subject));
    }
    if (original.has("markdown")) {
      diff.addAll(LineDiff.diff(original.path("markdown").asText(), intent.markdown));
    }
    return diff;
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
  }
}
