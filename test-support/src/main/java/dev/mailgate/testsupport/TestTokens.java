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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens as MailGate's reviewer and admin APIs expect them: issuer {@value #ISSUER}, {@code
 * sub} the person, {@code groups} their roles, {@code mailboxes} the mailboxes they may act on
 * ({@code *} for all). Signed with the test key pair under {@code mailgate-test-keys/}.
 */
public final class TestTokens {

  public static final String ISSUER = "mailgate";

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

  private static JwtClaimsBuilder claims(
      String subject, Set<String> groups, List<String> mailboxes) {
    return Jwt.issuer(ISSUER)
        .subject(subject)
        .upn(subject)
        .groups(groups)
        .claim("mailboxes", mailboxes);
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
