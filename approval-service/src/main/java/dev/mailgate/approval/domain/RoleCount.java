package dev.mailgate.approval.domain;

/** A role and how many intents it has: a row of {@link IntentRepository#countByRolesSince}. */
public record RoleCount(String role, Long count) {}
