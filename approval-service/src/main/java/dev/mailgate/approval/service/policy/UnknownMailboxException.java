package dev.mailgate.approval.service.policy;

import dev.mailgate.support.problem.ApiProblem;

/** A request named a mailbox MailGate has no policy for. */
public class UnknownMailboxException extends ApiProblem {

  private static final long serialVersionUID = 1L;

  public UnknownMailboxException(String mailboxId) {
    super(404, "unknown mailbox " + mailboxId);
  }
}
