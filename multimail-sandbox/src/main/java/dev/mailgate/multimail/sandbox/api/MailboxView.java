package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.service.AccountService;

/** MultiMail's Mailbox object: created_at in epoch ms, flags as 0/1 integers. */
public record MailboxView(
    String id,
    String tenantId,
    String address,
    String displayName,
    String oversightMode,
    String autoCc,
    String autoBcc,
    int forwardInbound,
    String webhookUrl,
    String signatureBlock,
    String defaultGateTiming,
    long createdAt,
    int isActive) {

  static MailboxView of(Mailbox m) {
    return new MailboxView(
        m.id(),
        AccountService.ACCOUNT_ID,
        m.address(),
        m.displayName(),
        m.mode().wire(),
        null,
        null,
        0,
        null,
        null,
        "gate_first",
        m.createdAt().toEpochMilli(),
        1);
  }
}
