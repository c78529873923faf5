package dev.mailgate.inboxpoller.messaging;

import dev.mailgate.events.AttachmentInfo;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.InboundLimits;
import dev.mailgate.events.Topics;
import dev.mailgate.multimail.client.model.Email;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds {@code mail.inbound-received} records (key = mailbox id). The {@code event_id} is derived
 * from the MultiMail email id alone (a name-based UUID), so fetching an email twice yields the same
 * event id and consumers deduplicate; the raw id travels in the payload and the {@value
 * #EMAIL_ID_HEADER} header. The email is bounded first ({@link InboundLimits}), so no sender can
 * make a record the broker refuses.
 */
public final class InboundReceivedEvents {

  /** Header with MultiMail's own email id. */
  public static final String EMAIL_ID_HEADER = "multimail_email_id";

  private InboundReceivedEvents() {}

  /** The event id of an email: the same for every fetch of it, by any instance. */
  public static UUID eventId(String mailboxId, String emailId) {
    return UUID.nameUUIDFromBytes(
        ("multimail:" + mailboxId + ":" + emailId).getBytes(StandardCharsets.UTF_8));
  }

  public static OutboxMessage of(String mailboxId, Email email) {
    InboundEmail event =
        InboundLimits.bounded(
            new InboundEmail(
                email.id(),
                mailboxId,
                email.threadId(),
                email.from(),
                email.to(),
                email.cc(),
                email.subject(),
                email.markdown(),
                attachments(email),
                email.receivedAt(),
                null));
    return new OutboxMessage(
        eventId(mailboxId, email.id()),
        Topics.INBOUND_RECEIVED,
        mailboxId,
        EventTypes.INBOUND_RECEIVED,
        EventPublisher.json(event),
        Map.of(EMAIL_ID_HEADER, email.id()));
  }

  private static List<AttachmentInfo> attachments(Email email) {
    if (email.attachments() == null) {
      return List.of();
    }
    return email.attachments().stream()
        .map(a -> new AttachmentInfo(a.name(), a.size(), a.contentType()))
        .toList();
  }
}
