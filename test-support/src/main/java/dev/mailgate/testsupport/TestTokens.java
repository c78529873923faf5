package dev.mailgate.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens as MailGate's reviewer and admin APIs expect them: issuer {@value #ISSUER}, {@code
 * sub} the person, {@code groups} their roles, {@code mailboxes} the mailboxes they may act on
 * ({@code *} for all). Signed with the test key pair under {@code mailgate-test-keys/}.
 */
public final class TestTokens {

  public static final String ISSUER = "mailgate";

  /** Every service's audience: the tokens minted here are accepted by all of them. */
  public static final List<String> AUDIENCES =
      List.of("mailgate-approval", "mailgate-outbound", "mailgate-audit", "mailgate-inbox-poller");

  private static final PrivateKey KEY = loadKey("mailgate-test-keys/privateKey.pem");

  private TestTokens() {}

  /** A valid token for one hour. */
  public static String token(String subject, Set<String> groups, List<String> mailboxes) {
    return claims(subject, groups, mailboxes).expiresIn(Duration.ofHours(1)).sign(KEY);
  }

  /** A reviewer of {@code mailboxes}. */
  public static String reviewer(String subject, String... mailboxes) {
    return token(subject, Set.of("reviewer"), List.of(mailboxes));
  }

  /** An administrator of every mailbox. */
  public static String admin(String subject) {
    return token(subject, Set.of("admin", "reviewer"), List.of("*"));
  }

  /** A token that expired a minute ago. */
  public static String expired(String subject, Set<String> groups, List<String> mailboxes) {
    Instant past = Instant.now().minus(Duration.ofMinutes(10));
    return claims(subject, groups, mailboxes)
        .issuedAt(past)
        .expiresAt(Instant.now().minus(Duration.ofMinutes(1)))
        .sign(KEY);
  }

  /** A well-formed token signed by a key the services do not trust. */
  public static String signedByStranger(
      String subject, Set<String> groups, List<String> mailboxes) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      PrivateKey stranger = generator.generateKeyPair().getPrivate();
      return claims(subject, groups, mailboxes).expiresIn(Duration.ofHours(1)).sign(stranger);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An agent of {@code mailboxes}: group {@code agent}. */
  public static String agent(String subject, String... mailboxes) {
    return token(subject, Set.of("agent"), List.of(mailboxes));
  }

  /**
   * The claims of a valid reviewer-style token (issuer, every audience, {@code jti}, issued now),
   * for a test to change before {@link #sign}.
   */
  public static JwtClaimsBuilder claims(
      String subject, Set<String> groups, List<String> mailboxes) {
    JwtClaimsBuilder claims =
        Jwt.issuer(ISSUER)
            .audience(Set.copyOf(AUDIENCES))
            .claim("jti", UUID.randomUUID().toString())
            .issuedAt(Instant.now())
            .groups(groups)
            .claim("mailboxes", mailboxes);
    return subject == null ? claims : claims.subject(subject).upn(subject);
  }

  /**
   * A token with exactly these claims (JSON), signed RS256 with the trusted key: nothing is added,
   * for tests of tokens that lack a claim the builder would fill in (e.g. {@code jti}).
   */
  public static String signExactly(String claimsJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(KEY);
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs {@code claims} with the trusted test key. */
  public static String sign(JwtClaimsBuilder claims) {
    return claims.sign(KEY);
  }

  private static PrivateKey loadKey(String resource) {
    try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
      String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return KeyUtils.decodePrivateKey(pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
