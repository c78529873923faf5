package dev.mailgate.events.validation;

/**
 * Size limits an intent must respect. The defaults follow MultiMail's own limits (50 recipients,
 * 998-character subject, 262,144-character body) and keep a record under Kafka's default 1 MiB.
 */
public record IntentLimits(
    int maxRecordBytes,
    int maxRecipients,
    int maxSubjectChars,
    int maxMarkdownChars,
    int maxReasoningChars,
    int maxLabelChars,
    int maxIdChars,
    int maxAttachments,
    int maxAttachmentBytes,
    int maxProblems) {

  /** The limits every MailGate component applies unless configured otherwise. */
  public static IntentLimits defaults() {
    return new IntentLimits(1_000_000, 50, 998, 262_144, 2_000, 200, 128, 10, 512 * 1024, 100);
  }
}
