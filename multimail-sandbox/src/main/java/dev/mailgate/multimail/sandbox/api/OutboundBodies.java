package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.OutboundDraft;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import java.util.List;

/** Request bodies of send and reply, as MultiMail's spec names their fields. */
public final class OutboundBodies {

  private OutboundBodies() {}

  /** An attachment in a send or reply body. */
  public record AttachmentBody(String name, String contentBase64, String contentType) {}

  /** {@code SendEmailRequest}. */
  public record SendBody(
      List<String> to,
      String subject,
      String markdown,
      List<String> cc,
      List<String> bcc,
      List<AttachmentBody> attachments,
      String idempotencyKey,
      String sendAt,
      String gateTiming) {

    OutboundDraft toDraft() {
      if (sendAt != null) {
        throw SandboxException.badRequest(
            "send_at (scheduled sending) is not supported by the sandbox");
      }
      return new OutboundDraft(
          to, cc, bcc, subject, markdown, toInputs(attachments), idempotencyKey);
    }
  }

  /** {@code ReplyRequest}: no subject or recipients, they are derived. */
  public record ReplyBody(
      String markdown,
      List<String> cc,
      List<String> bcc,
      List<AttachmentBody> attachments,
      String idempotencyKey) {

    OutboundDraft toDraft() {
      return new OutboundDraft(
          null, cc, bcc, null, markdown, toInputs(attachments), idempotencyKey);
    }
  }

  private static List<OutboundDraft.AttachmentInput> toInputs(List<AttachmentBody> bodies) {
    if (bodies == null) {
      return null;
    }
    return bodies.stream()
        .map(
            b ->
                b == null
                    ? null
                    : new OutboundDraft.AttachmentInput(
                        b.name(), b.contentBase64(), b.contentType()))
        .toList();
  }
}
