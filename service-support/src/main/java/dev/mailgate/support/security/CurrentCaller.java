package dev.mailgate.support.security;

import dev.mailgate.support.problem.ApiProblem;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its verified token. */
@RequestScoped
public class CurrentCaller {

  /** The claim naming an agent token's role. */
  public static final String ROLE_CLAIM = "role";

  private final JsonWebToken token;
  private Caller caller;

  public CurrentCaller(JsonWebToken token) {
    this.token = token;
  }

  /** The caller; a token without a usable subject is refused as unauthenticated (401). */
  public Caller get() {
    if (caller == null) {
      String subject = token.getSubject();
      if (Identities.normalise(subject).isEmpty()) {
        throw new AuthenticationFailedException("the token names no subject");
      }
      caller =
          new Caller(
              subject,
              Identities.normalise(subject),
              token.getGroups() == null ? Set.of() : token.getGroups(),
              MailboxScope.of(mailboxes(token.getClaim(MailboxScope.CLAIM))));
    }
    return caller;
  }

  /**
   * The agent role the token speaks for: its {@code role} claim, else (no such claim) its subject.
   * A {@code role} claim that is not a non-blank string is refused (403), never read as the
   * subject.
   */
  public String role() {
    Object claim = token.getClaim(ROLE_CLAIM);
    if (claim == null) {
      return get().subject();
    }
    String role =
        claim instanceof JsonString text ? text.getString() : claim instanceof String s ? s : null;
    if (role == null || role.isBlank()) {
      throw ApiProblem.forbidden("the token's role claim names no role");
    }
    return role;
  }

  static Set<String> mailboxes(Object claim) {
    Set<String> mailboxes = new HashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString text) {
          mailboxes.add(text.getString());
        }
      }
    } else if (claim instanceof Collection<?> values) {
      values.forEach(value -> mailboxes.add(unquote(String.valueOf(value))));
    } else if (claim instanceof JsonString text) {
      mailboxes.add(text.getString());
    } else if (claim instanceof String single) {
      mailboxes.add(single);
    }
    mailboxes.removeIf(String::isBlank);
    return mailboxes;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
