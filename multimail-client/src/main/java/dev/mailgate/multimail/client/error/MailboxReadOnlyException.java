package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 403 on send or reply because the mailbox's oversight mode is {@code read_only}. */
public class MailboxReadOnlyException extends MultiMailForbiddenException {

  public MailboxReadOnlyException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }
}
