package dev.mailgate.multimail.client.model;

/** {@code GET /v1/account}. */
public record Account(
    String id,
    String name,
    String slug,
    String plan,
    String oversightEmail,
    String physicalAddress,
    Integer monthlyEmailQuota,
    Integer emailsSentThisMonth,
    Integer maxMailboxes,
    Long storageUsedBytes,
    Long maxStorageBytes,
    Boolean isActive,
    Boolean sendingDisabled,
    String sendingDisabledReason) {}
