package dev.mailgate.multimail.sandbox.domain;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** MultiMail's limits on send and reply bodies; violations are 400s with a precise message. */
public final class OutboundValidator {

  public static final int MAX_RECIPIENTS = 50;
  public static final int MAX_SUBJECT = 998;
  public static final int MAX_MARKDOWN = 262_144;
  public static final int MAX_IDEMPOTENCY_KEY = 255;

  private static final Pattern ADDRESS =
      Pattern.compile(
          "^[^\\s@<>,;:\"()\\[\\]]+@[^\\s@<>,;:\"()\\[\\]]+\\.[^\\s@<>,;:\"()\\[\\]]+$");

  private OutboundValidator() {}

  public static void validateSend(OutboundDraft draft) {
    if (draft.to() == null || draft.to().isEmpty()) {
      throw SandboxException.badRequest("to is required: at least one recipient");
    }
    addresses("to", draft.to());
    if (draft.subject() == null || draft.subject().isBlank()) {
      throw SandboxException.badRequest("subject is required");
    }
    if (draft.subject().length() > MAX_SUBJECT) {
      throw SandboxException.badRequest("subject exceeds " + MAX_SUBJECT + " characters");
    }
    if (draft.subject().indexOf('\r') >= 0 || draft.subject().indexOf('\n') >= 0) {
      throw SandboxException.badRequest("subject must not contain line breaks");
    }
    validateCommon(draft);
  }

  public static void validateReply(OutboundDraft draft) {
    validateCommon(draft);
  }

  /** Metadata of the attachments, once valid. */
  public static List<StoredAttachment> attachments(OutboundDraft draft) {
    List<StoredAttachment> stored = new ArrayList<>();
    if (draft.attachments() == null) {
      return stored;
    }
    for (OutboundDraft.AttachmentInput a : draft.attachments()) {
      stored.add(
          new StoredAttachment(
              a.name(), a.contentType(), Base64.getDecoder().decode(a.contentBase64()).length));
    }
    return stored;
  }

  private static void validateCommon(OutboundDraft draft) {
    if (draft.markdown() == null || draft.markdown().isBlank()) {
      throw SandboxException.badRequest("markdown is required");
    }
    if (draft.markdown().length() > MAX_MARKDOWN) {
      throw SandboxException.badRequest("markdown exceeds " + MAX_MARKDOWN + " characters");
    }
    addresses("cc", draft.ccOrEmpty());
    addresses("bcc", draft.bccOrEmpty());
    if (draft.idempotencyKey() != null
        && (draft.idempotencyKey().isBlank()
            || draft.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY)) {
      throw SandboxException.badRequest(
          "idempotency_key must be 1.." + MAX_IDEMPOTENCY_KEY + " characters");
    }
    if (draft.attachments() != null) {
      for (OutboundDraft.AttachmentInput a : draft.attachments()) {
        attachment(a);
      }
    }
  }

  private static void addresses(String field, List<String> addresses) {
    if (addresses.size() > MAX_RECIPIENTS) {
      throw SandboxException.badRequest(
          field + " has " + addresses.size() + " recipients; at most " + MAX_RECIPIENTS);
    }
    for (String address : addresses) {
      if (!isAddress(address)) {
        throw SandboxException.badRequest(field + " contains an invalid email address");
      }
    }
  }

  public static boolean isAddress(String address) {
    return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
  }

  private static void attachment(OutboundDraft.AttachmentInput a) {
    if (a == null || blank(a.name()) || blank(a.contentBase64()) || blank(a.contentType())) {
      throw SandboxException.badRequest(
          "each attachment needs name, content_base64 and content_type");
    }
    try {
      Base64.getDecoder().decode(a.contentBase64());
    } catch (IllegalArgumentException e) {
      throw SandboxException.badRequest("attachment " + a.name() + " is not valid base64");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
