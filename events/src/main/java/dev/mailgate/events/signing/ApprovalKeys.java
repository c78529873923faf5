package dev.mailgate.events.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of approval signatures, in the PEM forms {@code openssl genpkey -algorithm ed25519}
 * and {@code openssl pkey -pubout} write (PKCS#8 private, X.509 SubjectPublicKeyInfo public; the
 * bare base64 body is taken too). A key's id is the first 16 hex digits of the SHA-256 of its
 * public key's DER encoding.
 */
public final class ApprovalKeys {

  /** The JDK's name of the signature algorithm (built in since Java 15). */
  public static final String ALGORITHM = "Ed25519";

  private ApprovalKeys() {}

  /** An Ed25519 private key from PKCS#8 PEM; throws with the reason when it is not one. */
  public static PrivateKey privateKey(String pem) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519): "
              + e.getMessage(),
          e);
    }
  }

  /** An Ed25519 public key from X.509 PEM; throws with the reason when it is not one. */
  public static PublicKey publicKey(String pem) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not an Ed25519 public key in X.509 PEM (openssl pkey -pubout): " + e.getMessage(), e);
    }
  }

  /** The key id: the first 16 hex digits of the SHA-256 of the public key's DER encoding. */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The public half of an Ed25519 private key. PKCS#8 files from openssl do not carry it, and the
   * JDK has no call for it, so the JDK's own key generator derives it from the key's seed; a probe
   * signature checks the result.
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
    byte[] seed = edKey.getBytes().get();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      KeyPair pair = generator.generateKeyPair();
      byte[] probe = "mailgate-key-probe".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(pair.getPublic());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalStateException("this JDK did not derive the Ed25519 public key");
      }
      return pair.getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not derive the Ed25519 public key", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * The text of a key file: a path, or {@code classpath:<resource>} (for tests); throws with the
   * location when it cannot be read.
   */
  public static String read(String location) {
    try {
      if (location.startsWith("classpath:")) {
        try (InputStream in =
            ApprovalKeys.class.getClassLoader().getResourceAsStream(location.substring(10))) {
          if (in == null) {
            throw new IOException("no such classpath resource");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read the key file " + location + ": " + e.getMessage(), e);
    }
  }

  private static byte[] der(String pem, String label) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("the key is empty");
    }
    String body = pem.strip();
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    if (body.startsWith("-----BEGIN")) {
      int from = body.indexOf(begin);
      int to = body.indexOf(end);
      if (from != 0 || to < 0) {
        throw new IllegalArgumentException("expected a PEM block " + begin);
      }
      body = body.substring(begin.length(), to);
    }
    return Base64.getMimeDecoder().decode(body.replaceAll("\\s+", ""));
  }

  /** Hands the key generator the seed as its "random" bytes, so it derives that key's pair. */
  private static final class SeedRandom extends SecureRandom {

    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("unexpected request for " + bytes.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
