package dev.mailgate.audit.api;

import dev.mailgate.support.problem.ApiProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The mailboxes a caller may read, from the token's {@code mailboxes} claim ({@code *} = all). */
public record MailboxScope(boolean all, Set<String> mailboxes) {

  public static final String CLAIM = "mailboxes";

  static MailboxScope of(JsonWebToken token) {
    Object claim = token.getClaim(CLAIM);
    Set<String> mailboxes = new HashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString text) {
          mailboxes.add(text.getString());
        }
      }
    } else if (claim instanceof Collection<?> values) {
      values.forEach(value -> mailboxes.add(String.valueOf(value)));
    } else if (claim instanceof String single) {
      mailboxes.add(single);
    }
    return new MailboxScope(mailboxes.contains("*"), Set.copyOf(mailboxes));
  }

  /** Whether the caller may read {@code mailbox}. */
  public boolean allows(String mailbox) {
    return all || mailboxes.contains(mailbox);
  }

  /** Refuses a mailbox the caller may not read. */
  void require(String mailbox) {
    if (!allows(mailbox)) {
      throw ApiProblem.forbidden("the token does not grant this mailbox");
    }
  }
}
