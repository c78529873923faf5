package dev.mailgate.events.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A file of PBKDF2 password hashes, one {@code user:iterations:salt:hash} a line (salt and hash in
 * Base64, PBKDF2WithHmacSHA512, 512-bit hash); {@code #} starts a comment. The broker's PLAIN
 * listener checks agents against it; {@code ./mailgate agent} and the test broker write it.
 */
public final class PasswordHashes {

  /** The iterations new hashes use. */
  public static final int ITERATIONS = 100_000;

  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final int BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Entry> entries;

  private record Entry(int iterations, byte[] salt, byte[] hash) {}

  private PasswordHashes(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** Reads {@code file}; a missing file holds nobody. Malformed lines are skipped. */
  public static PasswordHashes read(Path file) {
    Map<String, Entry> entries = new HashMap<>();
    if (!Files.exists(file)) {
      return new PasswordHashes(entries);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split(":");
      if (parts.length != 4) {
        continue;
      }
      try {
        Base64.Decoder b64 = Base64.getDecoder();
        entries.put(
            parts[0],
            new Entry(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3])));
      } catch (IllegalArgumentException e) {
        // a malformed line authenticates nobody
      }
    }
    return new PasswordHashes(entries);
  }

  /** Whether {@code user} is in the file with exactly {@code password}. */
  public boolean matches(String user, char[] password) {
    Entry entry = entries.get(user);
    if (entry == null || entry.iterations() < 1) {
      return false;
    }
    byte[] actual = pbkdf2(password, entry.salt(), entry.iterations(), entry.hash().length * 8);
    return MessageDigest.isEqual(actual, entry.hash());
  }

  /** Whether {@code user} has a line. */
  public Optional<Integer> iterations(String user) {
    return Optional.ofNullable(entries.get(user)).map(Entry::iterations);
  }

  /** A new line {@code user:iterations:salt:hash} for {@code password}, with a fresh salt. */
  public static String line(String user, String password) {
    if (user.isEmpty() || user.contains(":") || user.contains("\n")) {
      throw new IllegalArgumentException("a user name must not be empty or contain ':'");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password.toCharArray(), salt, ITERATIONS, BITS);
    Base64.Encoder b64 = Base64.getEncoder();
    return user
        + ":"
        + ITERATIONS
        + ":"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash);
  }

  /**
   * Sets {@code user}'s password in {@code file}: its old line (if any) is replaced, the file is
   * written to a temporary file and moved into place, so a reader never sees half a file.
   */
  public static synchronized void put(Path file, String user, String password) {
    try {
      List<String> kept =
          Files.exists(file)
              ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                  .filter(l -> !l.startsWith(user + ":"))
                  .toList()
              : List.of();
      StringBuilder text = new StringBuilder();
      kept.forEach(l -> text.append(l).append('\n'));
      text.append(line(user, password)).append('\n');
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".plain-users", ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits) {
    try {
      return SecretKeyFactory.getInstance(ALGORITHM)
          .generateSecret(new PBEKeySpec(password, salt, iterations, bits))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  /** {@code put} from the command line: {@code PasswordHashes <file> <user> <password>}. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: PasswordHashes <file> <user> <password>");
      System.exit(2);
    }
    put(Path.of(args[0]), args[1], args[2]);
  }
}
