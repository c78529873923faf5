package dev.mailgate.approval.service.policy;

import dev.mailgate.approval.domain.ConflictAction;
import dev.mailgate.approval.domain.ConflictScope;
import dev.mailgate.approval.domain.ExpiryAction;
import dev.mailgate.approval.domain.Mailbox;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.events.validation.Addresses;
import dev.mailgate.support.problem.ApiProblem;
import java.time.Duration;
import java.util.Optional;

/**
 * A mailbox's policy settings as administrators write them (REST body, seed file). Absent fields
 * keep their current value, or the default for a new mailbox.
 */
public record MailboxSettings(
    String address,
    String oversightMode,
    Duration reviewTtl,
    String expiryAction,
    String conflictAction,
    Integer maxRecipients,
    Integer roleSendsPerHour,
    Duration recipientCooldown,
    Duration duplicateWindow,
    Integer nearDuplicateBits,
    String conflictScope,
    Double topicSimilarity,
    Double contradictionSimilarity,
    Double duplicateSimilarity,
    String notifyWebhookUrl,
    String oversightAddress) {

  /** Settings that change only the oversight mode. */
  public static MailboxSettings modeOnly(String oversightMode) {
    return new MailboxSettings(
        null,
        oversightMode,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The oversight mode asked for, if any; a bad value is a 400. */
  public Optional<OversightMode> mode() {
    return oversightMode == null
        ? Optional.empty()
        : Optional.of(wire(() -> OversightMode.fromWire(oversightMode)));
  }

  /** These settings without the oversight mode. */
  public MailboxSettings withoutMode() {
    return new MailboxSettings(
        address,
        null,
        reviewTtl,
        expiryAction,
        conflictAction,
        maxRecipients,
        roleSendsPerHour,
        recipientCooldown,
        duplicateWindow,
        nearDuplicateBits,
        conflictScope,
        topicSimilarity,
        contradictionSimilarity,
        duplicateSimilarity,
        notifyWebhookUrl,
        oversightAddress);
  }

  /**
   * Applies the present fields to {@code mailbox}; throws {@link ApiProblem} (400) on a bad value.
   */
  void applyTo(Mailbox mailbox) {
    if (address != null) {
      mailbox.address = address;
    }
    if (notifyWebhookUrl != null) {
      mailbox.notifyWebhookUrl = WebhookUrl.check(notifyWebhookUrl);
    }
    if (oversightAddress != null) {
      mailbox.oversightAddress = oversightAddress(oversightAddress);
    }
    if (oversightMode != null) {
      mailbox.oversightMode = wire(() -> OversightMode.fromWire(oversightMode));
    }
    if (reviewTtl != null) {
      mailbox.reviewTtlSeconds = positiveSeconds("review_ttl", reviewTtl);
    }
    if (expiryAction != null) {
      mailbox.expiryAction = wire(() -> ExpiryAction.fromWire(expiryAction));
    }
    if (conflictAction != null) {
      mailbox.conflictAction = wire(() -> ConflictAction.fromWire(conflictAction));
    }
    if (maxRecipients != null) {
      mailbox.maxRecipients = between("max_recipients", maxRecipients, 1, 50);
    }
    if (roleSendsPerHour != null) {
      mailbox.roleSendsPerHour =
          roleSendsPerHour == 0
              ? null
              : between("role_sends_per_hour", roleSendsPerHour, 0, 1_000_000);
    }
    if (recipientCooldown != null) {
      mailbox.recipientCooldownSeconds =
          recipientCooldown.isZero() ? 0 : positiveSeconds("recipient_cooldown", recipientCooldown);
    }
    if (duplicateWindow != null) {
      mailbox.duplicateWindowSeconds = positiveSeconds("duplicate_window", duplicateWindow);
    }
    if (nearDuplicateBits != null) {
      mailbox.nearDuplicateBits = between("near_duplicate_bits", nearDuplicateBits, 0, 32);
    }
    if (conflictScope != null) {
      mailbox.conflictScope = wire(() -> ConflictScope.fromWire(conflictScope));
    }
    if (topicSimilarity != null) {
      mailbox.topicSimilarity = fraction("topic_similarity", topicSimilarity);
    }
    if (contradictionSimilarity != null) {
      mailbox.contradictionSimilarity =
          fraction("contradiction_similarity", contradictionSimilarity);
    }
    if (duplicateSimilarity != null) {
      mailbox.duplicateSimilarity = fraction("duplicate_similarity", duplicateSimilarity);
    }
  }

  /** The address to store, null for "" (no copies); a 400 for anything but a bare address. */
  private static String oversightAddress(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (!Addresses.isAddress(trimmed)) {
      throw ApiProblem.badRequest(
          "oversight_address must be a bare email address (local@domain.tld), or \"\" to remove"
              + " it");
    }
    return trimmed;
  }

  private static double fraction(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw ApiProblem.badRequest(field + " must be between 0 and 1");
    }
    return value;
  }

  private static long positiveSeconds(String field, Duration value) {
    if (value.isNegative() || value.getSeconds() < 1) {
      throw ApiProblem.badRequest(field + " must be at least one second");
    }
    return value.getSeconds();
  }

  private static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw ApiProblem.badRequest(field + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** A wire name parsed by the domain; a name it does not know is the client's error. */
  private static <T> T wire(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }
}
