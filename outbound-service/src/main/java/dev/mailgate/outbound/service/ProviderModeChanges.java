package dev.mailgate.outbound.service;

import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.model.Mailbox;
import dev.mailgate.multimail.client.model.OversightMode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Predicate;

/**
 * The mailboxes' oversight modes at MultiMail, for an operator: what each is and what it does to
 * the mail MailGate approves, and changing one. MultiMail lowers a mode at once; raising it is its
 * trust ladder: a request, after which MultiMail emails the account's operator a code, then the
 * code (single use, 24 hours). The operator's code is the confirmation; MailGate never sees it
 * before the operator types it. Each change is logged with who asked. MultiMail's refusals and
 * failures reach the caller as they are ({@link MultiMailException}).
 */
@ApplicationScoped
public class ProviderModeChanges {

  /** A mailbox at MultiMail, with what an operator must know about its mode, if anything. */
  public record ProviderMode(
      String mailboxId, String address, String oversightMode, String warning) {}

  /** What a change did: {@code lowered}, {@code unchanged} or {@code upgrade_requested}. */
  public record Change(String mailboxId, String from, String to, String status, String next) {}

  private final MultiMailClient client;

  public ProviderModeChanges(MultiMailClient client) {
    this.client = client;
  }

  /** Every mailbox at MultiMail the caller may see. */
  public List<ProviderMode> list(Predicate<String> visible) {
    return client.listMailboxes().stream()
        .filter(m -> visible.test(m.id()))
        .map(ProviderModeChanges::view)
        .toList();
  }

  /**
   * Lowers the mode, or asks MultiMail to raise it (the operator's code then {@link #confirm}s).
   */
  public Change change(String mailboxId, OversightMode target, String operator) {
    Mailbox mailbox = client.getMailbox(mailboxId);
    OversightMode current =
        mailbox.oversightMode() == null ? OversightMode.UNKNOWN : mailbox.oversightMode();
    if (current == target) {
      return new Change(mailboxId, current.wire(), target.wire(), "unchanged", null);
    }
    boolean lower = current != OversightMode.UNKNOWN && target.ordinal() < current.ordinal();
    if (lower) {
      client.lowerMode(mailboxId, target);
    }
    // A mode this client does not know: try lowering; MultiMail refuses a raise that way.
    if (lower || (current == OversightMode.UNKNOWN && lowered(mailboxId, target))) {
      Log.infof(
          "%s lowered mailbox %s at MultiMail from %s to %s",
          operator, mailboxId, current.wire(), target.wire());
      return new Change(mailboxId, current.wire(), target.wire(), "lowered", null);
    }
    client.requestUpgrade(mailboxId, target);
    Log.infof(
        "%s asked MultiMail to raise mailbox %s from %s to %s; MultiMail emails the operator a code",
        operator, mailboxId, current.wire(), target.wire());
    return new Change(
        mailboxId,
        current.wire(),
        target.wire(),
        "upgrade_requested",
        "MultiMail emailed a code to the account's operator; confirm with it within 24 hours");
  }

  private boolean lowered(String mailboxId, OversightMode target) {
    try {
      client.lowerMode(mailboxId, target);
      return true;
    } catch (MultiMailException e) {
      if (e.kind() != MultiMailException.Kind.REFUSED) {
        throw e;
      }
      return false;
    }
  }

  /** Applies a requested raise with the operator's code; answers the mode MultiMail now has. */
  public ProviderMode confirm(String mailboxId, String code, String operator) {
    client.upgrade(mailboxId, code);
    Mailbox mailbox = client.getMailbox(mailboxId);
    ProviderMode now = view(mailbox);
    Log.infof(
        "%s confirmed with the operator's code: mailbox %s is %s at MultiMail",
        operator, mailboxId, now.oversightMode());
    return now;
  }

  private static ProviderMode view(Mailbox mailbox) {
    return new ProviderMode(
        mailbox.id(),
        mailbox.address(),
        mailbox.oversightMode() == null ? null : mailbox.oversightMode().wire(),
        ProviderModes.warning(mailbox).orElse(null));
  }
}
