package dev.mailgate.multimail.client.model;

/** {@code approved}, {@code approved_and_sent} or {@code rejected}. */
public record DecisionResult(String status, String postmarkMessageId) {}
