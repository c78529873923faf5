package dev.mailgate.multimail.sandbox.domain;

import java.util.List;

/** A page of a mailbox listing; {@code cursor} is null on the last page. */
public record EmailPage(List<Email> emails, String cursor) {}
