package dev.mailgate.approval.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Reviewer} of the current request, from its verified token. */
@RequestScoped
public class CurrentReviewer {

  public static final String MAILBOXES_CLAIM = "mailboxes";

  private final JsonWebToken token;

  public CurrentReviewer(JsonWebToken token) {
    this.token = token;
  }

  /** The reviewer of this request. */
  public Reviewer get() {
    Set<String> mailboxes = new HashSet<>();
    Object claim = token.getClaim(MAILBOXES_CLAIM);
    if (claim instanceof Collection<?> values) {
      values.forEach(v -> mailboxes.add(unquote(v.toString())));
    } else if (claim != null) {
      mailboxes.add(unquote(claim.toString()));
    }
    return new Reviewer(
        token.getSubject(), Set.copyOf(mailboxes), token.getGroups().contains("admin"));
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
