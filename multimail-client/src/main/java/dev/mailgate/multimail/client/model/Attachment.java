package dev.mailgate.multimail.client.model;

import java.util.Base64;
import java.util.Objects;

/** An attachment to send: all three fields are required by MultiMail. */
public record Attachment(String name, String contentBase64, String contentType) {

  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentBase64, "contentBase64");
    Objects.requireNonNull(contentType, "contentType");
  }

  public static Attachment of(String name, String contentType, byte[] content) {
    return new Attachment(name, Base64.getEncoder().encodeToString(content), contentType);
  }
}
