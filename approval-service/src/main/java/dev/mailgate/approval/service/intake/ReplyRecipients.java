package dev.mailgate.approval.service.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.InboundItem;
import dev.mailgate.approval.domain.InboundItemRepository;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Problem;
import dev.mailgate.events.validation.Addresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves who a reply really goes to before the policy runs, the way MultiMail's reply endpoint
 * derives it: the sender of the inbound email it answers (or, for an email MailGate sent, that
 * email's {@code to}), with the thread's subject. The reply's {@code to} and {@code subject} become
 * those, so recipient rules, limits, the cooldown, duplicates and conflicts see the real recipient,
 * and so do reviewers.
 *
 * <p>A reply whose original MailGate cannot find is refused as {@code invalid}, not held: its
 * recipient is unknown, so no rule could be checked and a reviewer would approve an email to nobody
 * knows whom. Agents only learn of inbound mail through {@code mail.inbound}, which MailGate writes
 * after storing the email, so an unknown id is an agent's mistake (a made-up id, a mailbox mix-up,
 * an email that arrived before MailGate) that the agent can correct — answer an email it has read,
 * or send a new email with {@code to} and {@code subject}. An email still held or rejected by a
 * reviewer was never released to the agents and is refused the same way.
 */
@ApplicationScoped
public class ReplyRecipients {

  private final InboundItemRepository inboundItems;
  private final IntentRepository intents;

  public ReplyRecipients(InboundItemRepository inboundItems, IntentRepository intents) {
    this.inboundItems = inboundItems;
    this.intents = intents;
  }

  /**
   * Resolves every reply among {@code rows} in place (two queries for the batch); returns the
   * problem of each reply that cannot be resolved.
   */
  Map<Intent, Problem> resolve(List<Intent> rows) {
    List<Intent> replies = rows.stream().filter(r -> r.kind == IntentKind.REPLY).toList();
    Map<Intent, Problem> refused = new IdentityHashMap<>();
    if (replies.isEmpty()) {
      return refused;
    }
    Set<String> ids = replies.stream().map(r -> r.replyToEmailId).collect(Collectors.toSet());
    Map<String, InboundItem> inbound =
        inboundItems.byIds(ids).stream()
            .collect(Collectors.toMap(i -> i.emailId, Function.identity()));
    Map<String, Intent> sent = new HashMap<>();
    intents.byProviderEmailIds(ids).forEach(i -> sent.putIfAbsent(i.providerEmailId, i));
    for (Intent reply : replies) {
      Optional<Problem> problem =
          inbound.containsKey(reply.replyToEmailId)
              ? answerInbound(reply, inbound.get(reply.replyToEmailId))
              : answerSent(reply, sent.get(reply.replyToEmailId));
      problem.ifPresent(p -> refused.put(reply, p));
    }
    return refused;
  }

  private static Optional<Problem> answerInbound(Intent reply, InboundItem original) {
    if (!original.mailboxId.equals(reply.mailboxId)) {
      return unknown(reply);
    }
    if (!"released".equals(original.state)) {
      return Optional.of(
          new Problem(
              "reply_to_email_id",
              "not_released",
              "email "
                  + reply.replyToEmailId
                  + ("held".equals(original.state)
                      ? " is still waiting for a reviewer"
                      : " was rejected by a reviewer")
                  + " and was never released to the agents, so it cannot be answered"));
    }
    JsonNode payload = original.payload;
    Optional<String> sender = Addresses.bare(payload.path("from").asText(null));
    if (sender.isEmpty()) {
      return Optional.of(
          new Problem(
              "reply_to_email_id",
              "no_sender",
              "email "
                  + reply.replyToEmailId
                  + " has no sender address MailGate can check; send a new email with to and"
                  + " subject instead"));
    }
    if (reply.threadId == null && original.threadId != null) {
      reply.threadId = original.threadId;
      reply.threadKey = original.threadId;
    }
    return apply(reply, List.of(sender.get()), payload.path("subject").asText(""));
  }

  private static Optional<Problem> answerSent(Intent reply, Intent original) {
    if (original == null || !reply.mailboxId.equals(original.mailboxId)) {
      return unknown(reply);
    }
    if (reply.threadId == null && original.threadId != null) {
      reply.threadId = original.threadId;
      reply.threadKey = original.threadId;
    }
    return apply(reply, original.to, original.subject == null ? "" : original.subject);
  }

  private static Optional<Problem> apply(Intent reply, List<String> to, String subject) {
    Set<String> resolved = lower(to);
    if (!reply.to.isEmpty() && !lower(reply.to).equals(resolved)) {
      return Optional.of(
          new Problem(
              "to",
              "reply_recipient",
              "a reply goes to the original's sender ("
                  + String.join(", ", to)
                  + "); leave to empty, or send a new email to write to someone else"));
    }
    reply.to = new ArrayList<>(to);
    reply.cc = without(reply.cc, resolved);
    reply.bcc = without(reply.bcc, resolved);
    reply.subject = replySubject(subject);
    reply.recomputeKeys();
    return Optional.empty();
  }

  /** The subject MultiMail gives a reply: the original's, with one {@code Re:} in front. */
  static String replySubject(String original) {
    String subject = original.strip();
    return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
  }

  private static Optional<Problem> unknown(Intent reply) {
    return Optional.of(
        new Problem(
            "reply_to_email_id",
            "unknown_email",
            "email "
                + reply.replyToEmailId
                + " is not one MailGate received in (or sent from) mailbox "
                + reply.mailboxId
                + ": a reply's recipient comes from the email it answers, so answer an email"
                + " released to you on mail.inbound, or send a new email with to and subject"));
  }

  private static Set<String> lower(List<String> addresses) {
    return addresses.stream()
        .map(a -> a.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static List<String> without(List<String> addresses, Set<String> resolved) {
    return new ArrayList<>(
        addresses.stream().filter(a -> !resolved.contains(a.toLowerCase(Locale.ROOT))).toList());
  }
}
