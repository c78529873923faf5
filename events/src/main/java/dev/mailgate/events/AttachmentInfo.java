package dev.mailgate.events;

/** What an inbound email says about one of its attachments; the bytes stay at MultiMail. */
public record AttachmentInfo(String name, Long size, String contentType) {}
