package dev.mailgate.multimail.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /v1/mailboxes/{id}/send}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SendRequest(
    List<String> to,
    String subject,
    String markdown,
    List<String> cc,
    List<String> bcc,
    List<Attachment> attachments,
    String idempotencyKey,
    String sendAt,
    String gateTiming) {

  public SendRequest {
    to = List.copyOf(to == null ? List.of() : to);
    cc = List.copyOf(cc == null ? List.of() : cc);
    bcc = List.copyOf(bcc == null ? List.of() : bcc);
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; {@code to}, {@code subject} and {@code markdown} are required by MultiMail. */
  public static final class Builder {
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private String subject;
    private String markdown;
    private String idempotencyKey;
    private String sendAt;
    private String gateTiming;

    public Builder to(String... addresses) {
      to.addAll(List.of(addresses));
      return this;
    }

    public Builder to(List<String> addresses) {
      to.addAll(addresses);
      return this;
    }

    public Builder cc(String... addresses) {
      cc.addAll(List.of(addresses));
      return this;
    }

    public Builder bcc(String... addresses) {
      bcc.addAll(List.of(addresses));
      return this;
    }

    public Builder attachment(Attachment attachment) {
      attachments.add(attachment);
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder markdown(String markdown) {
      this.markdown = markdown;
      return this;
    }

    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** ISO-8601 UTC ending in {@code Z}. */
    public Builder sendAt(String sendAt) {
      this.sendAt = sendAt;
      return this;
    }

    /** {@code gate_first} or {@code schedule_first}. */
    public Builder gateTiming(String gateTiming) {
      this.gateTiming = gateTiming;
      return this;
    }

    public SendRequest build() {
      return new SendRequest(
          to, subject, markdown, cc, bcc, attachments, idempotencyKey, sendAt, gateTiming);
    }
  }
}
