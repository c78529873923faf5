package dev.mailgate.multimail.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code POST /v1/mailboxes/{id}/reply/{email_id}}: recipient and thread are derived. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplyRequest(
    String markdown,
    List<String> cc,
    List<String> bcc,
    List<Attachment> attachments,
    String idempotencyKey) {

  public ReplyRequest {
    cc = List.copyOf(cc == null ? List.of() : cc);
    bcc = List.copyOf(bcc == null ? List.of() : bcc);
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }

  public static ReplyRequest of(String markdown, String idempotencyKey) {
    return new ReplyRequest(markdown, List.of(), List.of(), List.of(), idempotencyKey);
  }
}
