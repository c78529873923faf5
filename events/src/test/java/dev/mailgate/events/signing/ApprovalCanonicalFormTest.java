package dev.mailgate.events.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.events.Actor;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.Attachment;
import dev.mailgate.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalCanonicalFormTest {

  private final ApprovedEmail email = Approvals.email();

  @Test
  void startsWithItsVersionAndIsTheSameForTheSameEmail() throws Exception {
    byte[] bytes = ApprovalCanonicalForm.of(email);
    assertThat(new String(bytes, 0, 21, StandardCharsets.US_ASCII))
        .isEqualTo("mailgate-approved-v1\n");
    ApprovedEmail copy =
        EventJson.mapper()
            .readValue(EventJson.mapper().writeValueAsBytes(email), ApprovedEmail.class);
    assertThat(ApprovalCanonicalForm.of(copy)).isEqualTo(bytes);
  }

  @Test
  void fieldsAreInAFixedOrderWithTheirNames() {
    String text = new String(ApprovalCanonicalForm.of(email), StandardCharsets.ISO_8859_1);
    List<String> names =
        List.of(
            "intent_id",
            "kind",
            "mailbox_id",
            "team",
            "role",
            "agent",
            "action",
            "to",
            "cc",
            "bcc",
            "subject",
            "markdown",
            "attachments",
            "reply_to_email_id",
            "thread_id",
            "approved_by",
            "edited_fields",
            "approved_at");
    int previous = -1;
    for (String name : names) {
      int at = text.indexOf(name, previous + 1);
      assertThat(at).as(name).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void absentEmptyAndMovedValuesNeverCollide() {
    Set<String> forms = new HashSet<>();
    List<ApprovedEmail> variants =
        List.of(
            email,
            Approvals.withSubject(email, null),
            Approvals.withSubject(email, ""),
            Approvals.withThread(email, null, null),
            Approvals.withThread(email, "", null),
            Approvals.withThread(email, null, ""),
            Approvals.withThread(email, "th-1", null),
            Approvals.withTeamAndRole(email, "team-aProductManager", ""),
            Approvals.withTeamAndRole(email, "team-", "aProductManager"),
            Approvals.withRecipients(email, List.of("a@x.io", "b@x.io"), List.of(), List.of()),
            Approvals.withRecipients(email, List.of("a@x.io"), List.of("b@x.io"), List.of()),
            Approvals.withRecipients(email, List.of("a@x.io"), List.of(), List.of("b@x.io")),
            Approvals.withRecipients(email, List.of("a@x.iob@x.io"), List.of(), List.of()),
            Approvals.withRecipients(email, List.of(), List.of(), List.of()),
            Approvals.withAttachments(email, List.of()),
            Approvals.withAttachments(
                email, List.of(new Attachment("plan.txt", "text/plain", null))),
            Approvals.withAttachments(
                email, List.of(new Attachment("plan.txt", "text/plain", "aGVsbG9="))),
            Approvals.withApproval(email, null, email.approvedAt()),
            Approvals.withApproval(email, Actor.policy(), email.approvedAt()),
            Approvals.withApproval(email, email.approvedBy(), null),
            Approvals.withApproval(email, email.approvedBy(), email.approvedAt().plusNanos(1000)));
    for (ApprovedEmail variant : variants) {
      forms.add(Arrays.toString(ApprovalCanonicalForm.of(variant)));
    }
    assertThat(forms).hasSize(variants.size());
  }

  @Test
  void unicodeIsItsUtf8AndDifferentNormalisationsDiffer() {
    ApprovedEmail composed = Approvals.withSubject(email, "Caf\u00e9 \u2014 \uD83D\uDCE8");
    ApprovedEmail decomposed = Approvals.withSubject(email, "Cafe\u0301 \u2014 \uD83D\uDCE8");
    byte[] form = ApprovalCanonicalForm.of(composed);
    byte[] utf8 = "Caf\u00e9 \u2014 \uD83D\uDCE8".getBytes(StandardCharsets.UTF_8);
    assertThat(indexOf(form, utf8)).isPositive();
    assertThat(form).isNotEqualTo(ApprovalCanonicalForm.of(decomposed));
  }

  @Test
  void anUnpairedSurrogateCannotBeSigned() {
    assertThatThrownBy(() -> ApprovalCanonicalForm.of(Approvals.withSubject(email, "x\uD800y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unicode");
  }

  @Test
  void theApprovalInstantCountsToTheNanosecond() {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(ApprovalCanonicalForm.of(Approvals.withApproval(email, Actor.policy(), at)))
        .isNotEqualTo(
            ApprovalCanonicalForm.of(
                Approvals.withApproval(email, Actor.policy(), at.plusNanos(1))));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
