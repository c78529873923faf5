package dev.mailgate.multimail.sandbox.domain;

/** An attachment's metadata; the sandbox does not keep content. */
public record StoredAttachment(String name, String contentType, long size) {}
