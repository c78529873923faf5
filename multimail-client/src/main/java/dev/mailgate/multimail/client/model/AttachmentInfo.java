package dev.mailgate.multimail.client.model;

/** An attachment as listed on a received or sent email (no content). */
public record AttachmentInfo(String name, Long size, String contentType) {}
