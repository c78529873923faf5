package dev.mailgate.events.signing;

import dev.mailgate.events.Actor;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.Attachment;
import dev.mailgate.events.WireEnum;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes an approval signature covers: every field of an {@link ApprovedEmail}, in a fixed
 * order, after the version line {@value #VERSION}. Each field is its name, then its value tagged by
 * kind (absent, text, list, tuple, instant), every text and count length-prefixed, so that no two
 * different emails — absent versus empty, a value split across two fields — share the bytes.
 * Attachments are covered by the SHA-256 of their content as carried (the base64 text).
 */
public final class ApprovalCanonicalForm {

  /** The first line of the canonical form; a new form gets a new version. */
  public static final String VERSION = "mailgate-approved-v1";

  private static final byte ABSENT = 0;
  private static final byte TEXT = 1;
  private static final byte LIST = 2;
  private static final byte TUPLE = 3;
  private static final byte INSTANT = 4;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

  private ApprovalCanonicalForm() {}

  /**
   * The canonical bytes of {@code email}; throws {@link IllegalArgumentException} for text that is
   * not valid Unicode (an unpaired surrogate), which no approved email may carry.
   */
  public static byte[] of(ApprovedEmail email) {
    ApprovalCanonicalForm form = new ApprovalCanonicalForm();
    form.out.writeBytes((VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
    form.field("intent_id").text(email.intentId());
    form.field("kind").text(wire(email.kind()));
    form.field("mailbox_id").text(email.mailboxId());
    form.field("team").text(email.team());
    form.field("role").text(email.role());
    form.field("agent").text(email.agent());
    form.field("action").text(email.action());
    form.field("to").texts(email.to());
    form.field("cc").texts(email.cc());
    form.field("bcc").texts(email.bcc());
    form.field("subject").text(email.subject());
    form.field("markdown").text(email.markdown());
    form.field("attachments").attachments(email.attachments());
    form.field("reply_to_email_id").text(email.replyToEmailId());
    form.field("thread_id").text(email.threadId());
    form.field("approved_by").actor(email.approvedBy());
    form.field("edited_fields").texts(email.editedFields());
    form.field("approved_at").instant(email.approvedAt());
    return form.out.toByteArray();
  }

  /** SHA-256 (lower-case hex) of an attachment's carried content, or null when it has none. */
  public static String contentDigest(Attachment attachment) {
    String content = attachment.contentBase64();
    return content == null ? null : HexFormat.of().formatHex(sha256(utf8(content)));
  }

  private ApprovalCanonicalForm field(String name) {
    byte[] bytes = utf8(name);
    count(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  private void text(String value) {
    if (value == null) {
      out.write(ABSENT);
      return;
    }
    byte[] bytes = utf8(value);
    out.write(TEXT);
    count(bytes.length);
    out.writeBytes(bytes);
  }

  private void texts(List<String> values) {
    if (values == null) {
      out.write(ABSENT);
      return;
    }
    out.write(LIST);
    count(values.size());
    values.forEach(this::text);
  }

  private void attachments(List<Attachment> attachments) {
    if (attachments == null) {
      out.write(ABSENT);
      return;
    }
    out.write(LIST);
    count(attachments.size());
    for (Attachment attachment : attachments) {
      if (attachment == null) {
        out.write(ABSENT);
        continue;
      }
      out.write(TUPLE);
      count(3);
      text(attachment.name());
      text(attachment.contentType());
      text(contentDigest(attachment));
    }
  }

  private void actor(Actor actor) {
    if (actor == null) {
      out.write(ABSENT);
      return;
    }
    out.write(TUPLE);
    count(2);
    text(wire(actor.type()));
    text(actor.id());
  }

  private void instant(Instant instant) {
    if (instant == null) {
      out.write(ABSENT);
      return;
    }
    out.write(INSTANT);
    out.writeBytes(
        ByteBuffer.allocate(12)
            .putLong(instant.getEpochSecond())
            .putInt(instant.getNano())
            .array());
  }

  private void count(int n) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(n).array());
  }

  private static String wire(WireEnum value) {
    return value == null ? null : value.wire();
  }

  private static byte[] utf8(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text is not valid Unicode (an unpaired surrogate)", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
