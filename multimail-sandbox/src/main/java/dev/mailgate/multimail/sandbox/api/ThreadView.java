package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.Direction;
import dev.mailgate.multimail.sandbox.domain.Email;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A thread, emails in chronological order, without bodies. */
public record ThreadView(
    String threadId,
    int messageCount,
    List<String> participants,
    String lastActivity,
    boolean hasUnansweredInbound,
    List<EmailSummaryView> emails) {

  static ThreadView of(String threadId, List<Email> emails) {
    Set<String> participants = new LinkedHashSet<>();
    emails.forEach(
        e -> {
          participants.add(e.from());
          participants.addAll(e.to());
        });
    Email last = emails.get(emails.size() - 1);
    return new ThreadView(
        threadId,
        emails.size(),
        List.copyOf(participants),
        EmailSummaryView.iso(last.receivedAt()),
        last.direction() == Direction.INBOUND,
        emails.stream().map(EmailSummaryView::of).toList());
  }
}
