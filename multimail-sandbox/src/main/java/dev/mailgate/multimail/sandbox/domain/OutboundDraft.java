package dev.mailgate.multimail.sandbox.domain;

import java.util.List;

/** What a send or reply asked for, before validation. Null lists mean "not given". */
public record OutboundDraft(
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String markdown,
    List<AttachmentInput> attachments,
    String idempotencyKey) {

  /** An attachment as sent over the API. */
  public record AttachmentInput(String name, String contentBase64, String contentType) {}

  public List<String> ccOrEmpty() {
    return cc == null ? List.of() : cc;
  }

  public List<String> bccOrEmpty() {
    return bcc == null ? List.of() : bcc;
  }
}
