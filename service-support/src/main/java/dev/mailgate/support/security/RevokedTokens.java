package dev.mailgate.support.security;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revocation list: token ids ({@code jti}) that are refused although validly signed. Read from
 * {@code mailgate.security.revoked-tokens-file} and re-read whenever the file's modification time
 * changes, so an operator revokes a token by appending a line, without a restart.
 */
@ApplicationScoped
public class RevokedTokens {

  private final Path file;
  private volatile Snapshot snapshot = new Snapshot(null, Set.of());

  private record Snapshot(FileTime modified, Set<String> ids) {}

  public RevokedTokens(TokenSettings settings) {
    this.file = settings.revokedTokensFile().map(Path::of).orElse(null);
  }

  /** Whether the token with this id has been revoked. */
  public boolean isRevoked(String jti) {
    return file != null && current().ids().contains(jti);
  }

  private Snapshot current() {
    Snapshot seen = snapshot;
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(seen.modified())) {
        Set<String> ids =
            Files.readAllLines(file).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        seen = new Snapshot(modified, ids);
        snapshot = seen;
      }
    } catch (NoSuchFileException e) {
      seen = new Snapshot(null, Set.of());
      snapshot = seen;
    } catch (IOException e) {
      // Keep the last list rather than forgetting revocations because of a read error.
      Log.warnf("revoked tokens file %s unreadable (%s); keeping the last list", file, e);
    }
    return seen;
  }
}
