package dev.mailgate.approval.service;

/** A request named a mailbox MailGate has no policy for. */
public class UnknownMailboxException extends RuntimeException {

  public UnknownMailboxException(String mailboxId) {
    super("unknown mailbox " + mailboxId);
  }
}
