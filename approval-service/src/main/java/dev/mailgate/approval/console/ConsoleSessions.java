package dev.mailgate.approval.console;

import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.CurrentCaller;
import dev.mailgate.support.security.TokenRules;
import io.quarkus.runtime.util.StringUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Console sessions. The session is the reviewer's own bearer token, kept in an HttpOnly,
 * SameSite=Strict cookie scoped to {@code /console} and checked on every request exactly as the
 * REST API checks it (signature, issuer, expiry, then {@link TokenRules}: audience, lifetime, id,
 * revocation, subject), so revoking the token ends the session. The CSRF token is an HMAC of the
 * token's id under a server key: bound to the session, never stored.
 */
@ApplicationScoped
public class ConsoleSessions {

  public static final String COOKIE = "mailgate_console";
  public static final String PATH = "/console";
  static final int MAX_TOKEN = 8_192;

  private final JWTParser parser;
  private final TokenRules rules;
  private final ConsoleConfig config;
  private final byte[] csrfKey;

  private final Clock clock;

  public ConsoleSessions(JWTParser parser, TokenRules rules, ConsoleConfig config, Clock clock) {
    this.clock = clock;
    this.parser = parser;
    this.rules = rules;
    this.config = config;
    this.csrfKey =
        config
            .csrfKey()
            .filter(k -> !StringUtil.isNullOrEmpty(k))
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .orElseGet(ConsoleSessions::randomKey);
  }

  /** The session of {@code rawToken}; a {@link ConsoleException} 401 when it is not one. */
  public ConsoleSession open(String rawToken) {
    if (rawToken == null || rawToken.isBlank()) {
      throw ConsoleException.signIn("Sign in with the link ./mailgate console prints.");
    }
    if (rawToken.length() > MAX_TOKEN) {
      throw ConsoleException.signIn("That is not a MailGate token (too long).");
    }
    JsonWebToken token;
    try {
      token = parser.parse(rawToken.strip());
    } catch (ParseException e) {
      throw ConsoleException.signIn(
          "The token is not valid here: expired, not signed by MailGate, or malformed.");
    }
    try {
      rules
          .augment(QuarkusSecurityIdentity.builder().setPrincipal(token).build(), null)
          .await()
          .atMost(Duration.ofSeconds(5));
    } catch (AuthenticationFailedException e) {
      throw ConsoleException.signIn("The token is refused: " + e.getMessage() + ".");
    }
    Caller caller = new CurrentCaller(token).get();
    if (!caller.isReviewer() && !caller.isAdmin()) {
      throw ConsoleException.signIn("The console is for reviewers and administrators.");
    }
    return new ConsoleSession(
        caller,
        rawToken.strip(),
        Instant.ofEpochSecond(token.getExpirationTime()),
        csrf(token.getTokenID()));
  }

  /** The session of a state-changing request, after {@link #checkChange}. */
  public ConsoleSession change(String cookie, String csrf, HttpHeaders headers) {
    ConsoleSession session = open(cookie);
    checkChange(session, csrf, headers);
    return session;
  }

  /**
   * Refuses (403) a state change that does not carry the session's CSRF token or comes from another
   * site (Origin or Sec-Fetch-Site say so).
   */
  public void checkChange(ConsoleSession session, String presented, HttpHeaders headers) {
    String fetchSite = headers.getHeaderString("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      throw ConsoleException.forbidden("Refused: the request came from another site.");
    }
    String origin = headers.getHeaderString("Origin");
    String host = headers.getHeaderString(HttpHeaders.HOST);
    if (origin != null && !sameHost(origin, host)) {
      throw ConsoleException.forbidden("Refused: the request came from another origin.");
    }
    String token = presented != null ? presented : headers.getHeaderString("X-CSRF-Token");
    if (token == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            session.csrf().getBytes(StandardCharsets.UTF_8))) {
      throw ConsoleException.forbidden(
          "Refused: the form is stale or did not come from this console. Reload and try again.");
    }
  }

  /** The cookie that carries the session. */
  public NewCookie cookie(ConsoleSession session) {
    long seconds = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
    return base(session.rawToken()).maxAge((int) Math.min(seconds, Integer.MAX_VALUE)).build();
  }

  /** The cookie that ends the session in the browser. */
  public NewCookie cleared() {
    return base("").maxAge(0).build();
  }

  private NewCookie.Builder base(String value) {
    return new NewCookie.Builder(COOKIE)
        .value(value)
        .path(PATH)
        .httpOnly(true)
        .secure(config.secureCookie())
        .sameSite(NewCookie.SameSite.STRICT);
  }

  String csrf(String tokenId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      byte[] tag = mac.doFinal(("console-csrf|" + tokenId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean sameHost(String origin, String host) {
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null || host == null) {
        return false;
      }
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
