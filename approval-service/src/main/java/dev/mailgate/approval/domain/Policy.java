package dev.mailgate.approval.domain;

import dev.mailgate.events.RoleNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A mailbox's policy at one moment: its settings, grants by role and recipient rules. The hard
 * rules that apply in every oversight mode before anything else.
 */
public record Policy(Mailbox mailbox, Map<String, RoleGrant> grants, List<RecipientRule> rules) {

  private static final String ANY_ROLE = "*";

  /**
   * Why the mailbox's hard rules refuse this send by {@code role} to {@code recipients}, if they
   * do.
   */
  public Optional<String> refusal(String role, List<String> recipients) {
    if (mailbox.oversightMode == OversightMode.READ_ONLY) {
      return Optional.of("mailbox " + mailbox.id + " is read_only: nothing may be sent from it");
    }
    if (!maySend(role)) {
      return Optional.of("role " + role + " holds no send grant on mailbox " + mailbox.id);
    }
    if (recipients.size() > mailbox.maxRecipients) {
      return Optional.of(
          recipients.size()
              + " recipients, mailbox "
              + mailbox.id
              + " allows at most "
              + mailbox.maxRecipients);
    }
    for (String recipient : recipients) {
      Optional<String> refused = recipientRefusal(recipient.toLowerCase(Locale.ROOT));
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code role} may send: its own grants decide (names compared as {@link RoleNames} does,
   * so {@code "Product Manager"} is granted as {@code ProductManager}, and neither {@code "intern"}
   * nor {@code "In\u200Btern"} steps around a refusal of {@code Intern}); when several grants name
   * it, each must allow it. Without one, the grant for every role decides.
   */
  public boolean maySend(String role) {
    String name = RoleNames.key(role);
    List<RoleGrant> own =
        grants.values().stream()
            .filter(g -> !ANY_ROLE.equals(g.role) && RoleNames.key(g.role).equals(name))
            .toList();
    if (!own.isEmpty() && !name.isEmpty()) {
      return own.stream().allMatch(g -> g.canSend);
    }
    RoleGrant any = grants.get(ANY_ROLE);
    return any != null && any.canSend;
  }

  private Optional<String> recipientRefusal(String recipient) {
    boolean hasAllowRules = false;
    boolean allowed = false;
    for (RecipientRule rule : rules) {
      boolean matches = matches(rule.pattern, recipient);
      if (rule.isDeny() && matches) {
        return Optional.of("recipient " + recipient + " is denied by the rule " + rule.pattern);
      }
      if (!rule.isDeny()) {
        hasAllowRules = true;
        allowed |= matches;
      }
    }
    if (hasAllowRules && !allowed) {
      return Optional.of(
          "recipient "
              + recipient
              + " matches none of mailbox "
              + mailbox.id
              + "'s allowed recipients");
    }
    return Optional.empty();
  }

  /**
   * An exact address; {@code *@example.com} for every address at exactly that domain; {@code
   * *.example.com} for every address at that domain or any of its subdomains ({@code
   * a@mail.example.com}, {@code b@example.com}), never at a domain that merely ends in the same
   * letters ({@code c@badexample.com}).
   */
  static boolean matches(String pattern, String address) {
    String domain = address.substring(address.lastIndexOf('@') + 1);
    if (pattern.startsWith("*.")) {
      String parent = pattern.substring(2);
      return domain.equals(parent) || domain.endsWith("." + parent);
    }
    if (pattern.startsWith("*@")) {
      return domain.equals(pattern.substring(2)) && address.lastIndexOf('@') > 0;
    }
    return pattern.equals(address);
  }
}
