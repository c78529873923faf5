package dev.mailgate.approval.service.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Problem;
import dev.mailgate.events.RoleNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds intent rows from what arrived on {@code mail.intents}. */
final class IntentRows {

  private IntentRows() {}

  static Intent valid(EmailIntent source, Instant receivedAt) {
    Intent intent = new Intent();
    intent.intentId = source.intentId();
    intent.mailboxId = source.mailboxId();
    intent.kind = source.kind();
    intent.team = source.team();
    intent.role = source.role();
    intent.roleKey = RoleNames.key(source.role());
    intent.agent = source.agent();
    intent.action = source.action();
    intent.triggerMessageId = source.triggerMessageId();
    intent.reasoning = source.reasoning();
    intent.to = new ArrayList<>(source.to());
    intent.cc = new ArrayList<>(source.cc());
    intent.bcc = new ArrayList<>(source.bcc());
    intent.subject = source.subject();
    intent.markdown = source.markdown();
    intent.attachments =
        source.attachments().isEmpty()
            ? null
            : EventJson.mapper().valueToTree(source.attachments());
    intent.replyToEmailId = source.replyToEmailId();
    intent.threadId = source.threadId();
    intent.threadKey = source.threadId() != null ? source.threadId() : source.replyToEmailId();
    intent.createdAt = source.createdAt();
    intent.receivedAt = receivedAt;
    intent.state = DecisionState.ACCEPTED;
    intent.recomputeKeys();
    return intent;
  }

  static Intent invalid(
      String intentId, String mailboxId, List<Problem> problems, Instant receivedAt) {
    Intent intent = new Intent();
    intent.intentId = intentId;
    intent.mailboxId = mailboxId;
    intent.receivedAt = receivedAt;
    intent.state = DecisionState.INVALID;
    intent.problems = EventJson.mapper().<JsonNode>valueToTree(problems);
    return intent;
  }
}
