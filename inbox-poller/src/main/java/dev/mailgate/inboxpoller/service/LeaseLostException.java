package dev.mailgate.inboxpoller.service;

/**
 * Another poll moved the cursor or took the lease while this one fetched: what it was about to
 * write is rolled back, nothing is emitted twice.
 */
public class LeaseLostException extends RuntimeException {

  public LeaseLostException(String mailboxId) {
    super("lost the lease of mailbox " + mailboxId);
  }
}
