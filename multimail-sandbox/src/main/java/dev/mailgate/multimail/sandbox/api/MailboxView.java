package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.service.AccountService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MultiMail's Mailbox object: created_at in epoch ms, flags as 0/1 integers. A map, so that {@code
 * is_active} is written under exactly that name.
 */
final class MailboxView {

  private MailboxView() {}

  static Map<String, Object> of(Mailbox m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", m.id());
    view.put("tenant_id", AccountService.ACCOUNT_ID);
    view.put("address", m.address());
    view.put("display_name", m.displayName());
    view.put("oversight_mode", m.mode().wire());
    view.put("auto_cc", null);
    view.put("auto_bcc", null);
    view.put("forward_inbound", 0);
    view.put("webhook_url", null);
    view.put("signature_block", null);
    view.put("default_gate_timing", "gate_first");
    view.put("created_at", m.createdAt().toEpochMilli());
    view.put("is_active", 1);
    return view;
  }
}
