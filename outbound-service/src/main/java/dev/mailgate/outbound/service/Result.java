package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.Verdict;

/** A delivery and what its try came to. */
public record Result(Work work, Verdict verdict) {}
