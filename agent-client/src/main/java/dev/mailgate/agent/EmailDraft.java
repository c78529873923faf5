package dev.mailgate.agent;

import dev.mailgate.events.Attachment;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Problem;
import dev.mailgate.events.validation.IntentValidator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One logical email: its intent id and creation time are fixed when the draft is made, so
 * publishing it again (a retry) sends the same intent, which MailGate treats as a replay. Made only
 * when valid.
 */
public final class EmailDraft {

  private static final IntentValidator VALIDATOR = IntentValidator.withDefaults();

  private final EmailIntent intent;

  private EmailDraft(EmailIntent intent) {
    List<Problem> problems = problemsOf(intent);
    if (!problems.isEmpty()) {
      throw new InvalidIntentException(problems);
    }
    this.intent = intent;
  }

  /**
   * The contract's problems with {@code intent}: {@link IntentValidator}'s, plus empty labels,
   * which the JSON Schema refuses ({@code minLength: 1}) and the validator lets through.
   */
  static List<Problem> problemsOf(EmailIntent intent) {
    List<Problem> problems = new ArrayList<>(VALIDATOR.validate(intent));
    Map<String, String> labels =
        Map.of(
            "team", nullToX(intent.team()),
            "role", nullToX(intent.role()),
            "agent", nullToX(intent.agent()),
            "action", nullToX(intent.action()));
    labels.forEach(
        (name, value) -> {
          if (value.isEmpty()) {
            problems.add(new Problem(name, "required", "must not be empty"));
          }
        });
    return problems;
  }

  private static String nullToX(String label) {
    return label == null ? "x" : label;
  }

  /** A new email (kind {@code send}). */
  public static EmailDraft send(
      Provenance who, String mailboxId, List<String> to, String subject, String markdown) {
    return of(IntentKind.SEND, who, mailboxId, to, List.of(), subject, markdown, null, null);
  }

  /** A reply to an email MultiMail holds; MultiMail derives the recipients. */
  public static EmailDraft reply(
      Provenance who, String mailboxId, String replyToEmailId, String markdown) {
    return of(
        IntentKind.REPLY,
        who,
        mailboxId,
        List.of(),
        List.of(),
        null,
        markdown,
        replyToEmailId,
        null);
  }

  /** Any intent, with a freshly minted id and the current time. */
  public static EmailDraft of(
      IntentKind kind,
      Provenance who,
      String mailboxId,
      List<String> to,
      List<String> cc,
      String subject,
      String markdown,
      String replyToEmailId,
      List<Attachment> attachments) {
    return new EmailDraft(
        new EmailIntent(
            IntentIds.newUlid(),
            kind,
            mailboxId,
            who.team(),
            who.role(),
            who.agent(),
            who.action(),
            who.triggerMessageId(),
            who.reasoning(),
            to,
            cc,
            List.of(),
            subject,
            markdown,
            attachments,
            replyToEmailId,
            null,
            Instant.now().truncatedTo(ChronoUnit.MILLIS)));
  }

  /** A draft of an intent built elsewhere (its id kept as it is). */
  public static EmailDraft of(EmailIntent intent) {
    return new EmailDraft(intent);
  }

  public EmailIntent intent() {
    return intent;
  }

  public String intentId() {
    return intent.intentId();
  }

  public String mailboxId() {
    return intent.mailboxId();
  }
}
