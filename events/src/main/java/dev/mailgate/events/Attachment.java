package dev.mailgate.events;

/** A file sent with an outbound email, its content base64-encoded as MultiMail takes it. */
public record Attachment(String name, String contentType, String contentBase64) {}
