package dev.mailgate.approval.console;

import dev.mailgate.support.security.Caller;
import java.time.Instant;

/**
 * A signed-in reviewer: who they are (the same {@link Caller} the REST API would see for their
 * token), the raw token (kept only in the HttpOnly cookie), its expiry and the CSRF token bound to
 * it.
 */
public record ConsoleSession(Caller caller, String rawToken, Instant expiresAt, String csrf) {

  public boolean isAdmin() {
    return caller.isAdmin();
  }
}
