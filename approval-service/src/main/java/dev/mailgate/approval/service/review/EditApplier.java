package dev.mailgate.approval.service.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Problem;
import dev.mailgate.events.validation.IntentValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a reviewer's edits: the edited intent must still satisfy the contract and the mailbox's
 * hard rules; the original content is kept and the changed fields recorded. A reply's {@code to}
 * and {@code subject} are refused (400), never recorded and dropped: MultiMail's reply endpoint
 * cannot carry them.
 */
@ApplicationScoped
public class EditApplier {

  /**
   * Why a reply's {@code to} or {@code subject} cannot be edited: MultiMail's reply endpoint takes
   * neither (it derives the recipient and the thread's subject), so the edit could not be sent.
   */
  static final String REPLY_EDIT =
      "a reply goes to the original's sender; its subject follows the thread — edit the body, cc"
          + " or bcc, or reject and ask for a new email";

  private final IntentValidator validator = IntentValidator.withDefaults();
  private final PolicyRepository policies;

  public EditApplier(PolicyRepository policies) {
    this.policies = policies;
  }

  void apply(Intent intent, Edits edits) {
    List<String> changed =
        edits.fields().stream()
            .filter(f -> !Objects.equals(current(intent, f), proposed(edits, f)))
            .toList();
    if (changed.isEmpty()) {
      return;
    }
    if (intent.kind == IntentKind.REPLY
        && (changed.contains("to") || changed.contains("subject"))) {
      throw new ReviewException(ReviewException.Kind.INVALID, REPLY_EDIT);
    }
    ObjectNode original = EventJson.mapper().createObjectNode();
    changed.forEach(f -> original.set(f, EventJson.mapper().valueToTree(current(intent, f))));
    ObjectNode edited = asJson(intent, edits);
    List<Problem> problems = validator.validate(edited);
    if (!problems.isEmpty()) {
      throw new ReviewException(
          ReviewException.Kind.INVALID,
          "the edited email is not valid: "
              + problems.stream()
                  .map(p -> p.path() + " " + p.message())
                  .collect(Collectors.joining("; ")));
    }
    int size = bytes(edited) + bytes(intent.attachments);
    if (size > validator.limits().maxRecordBytes()) {
      throw new ReviewException(
          ReviewException.Kind.INVALID,
          "the edited email would have "
              + size
              + " bytes with its attachments, at most "
              + validator.limits().maxRecordBytes()
              + " allowed");
    }
    intent.subject = edits.subject() != null ? edits.subject() : intent.subject;
    intent.markdown = edits.markdown() != null ? edits.markdown() : intent.markdown;
    intent.to = edits.to() != null ? new ArrayList<>(edits.to()) : intent.to;
    intent.cc = edits.cc() != null ? new ArrayList<>(edits.cc()) : intent.cc;
    intent.bcc = edits.bcc() != null ? new ArrayList<>(edits.bcc()) : intent.bcc;
    Optional<String> refusal =
        policies.load(intent.mailboxId).flatMap(p -> p.refusal(intent.role, intent.recipients()));
    if (refusal.isPresent()) {
      throw new ReviewException(
          ReviewException.Kind.INVALID,
          "the edited email breaks the mailbox policy: " + refusal.get());
    }
    intent.originalContent = original;
    intent.editedFields = new ArrayList<>(changed);
    intent.recomputeKeys();
  }

  private static ObjectNode asJson(Intent intent, Edits edits) {
    ObjectNode node = EventJson.mapper().createObjectNode();
    node.put("intent_id", intent.intentId);
    node.put("kind", intent.kind.wire());
    node.put("mailbox_id", intent.mailboxId);
    node.put("team", intent.team);
    node.put("role", intent.role);
    node.put("agent", intent.agent);
    node.put("action", intent.action);
    node.put("reply_to_email_id", intent.replyToEmailId);
    node.put("subject", edits.subject() != null ? edits.subject() : intent.subject);
    node.put("markdown", edits.markdown() != null ? edits.markdown() : intent.markdown);
    node.set("to", EventJson.mapper().valueToTree(edits.to() != null ? edits.to() : intent.to));
    node.set("cc", EventJson.mapper().valueToTree(edits.cc() != null ? edits.cc() : intent.cc));
    node.set("bcc", EventJson.mapper().valueToTree(edits.bcc() != null ? edits.bcc() : intent.bcc));
    node.put(
        "created_at", (intent.createdAt == null ? Instant.now() : intent.createdAt).toString());
    return node;
  }

  private static int bytes(com.fasterxml.jackson.databind.JsonNode node) {
    return node == null ? 0 : node.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static Object current(Intent intent, String field) {
    return switch (field) {
      case "subject" -> intent.subject;
      case "markdown" -> intent.markdown;
      case "to" -> intent.to;
      case "cc" -> intent.cc;
      default -> intent.bcc;
    };
  }

  private static Object proposed(Edits edits, String field) {
    return switch (field) {
      case "subject" -> edits.subject();
      case "markdown" -> edits.markdown();
      case "to" -> edits.to();
      case "cc" -> edits.cc();
      default -> edits.bcc();
    };
  }
}
