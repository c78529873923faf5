package dev.mailgate.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity key is required, from the environment or a file, and at least 32 bytes. */
class IntegrityKeyTest {

  @TempDir Path dir;

  @Test
  void aMissingKeyStopsTheServiceWithAClearReason() {
    assertThatThrownBy(() -> new IntegrityKey(config(null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("integrity key is not configured")
        .hasMessageContaining("MAILGATE_AUDIT_INTEGRITY_KEY");
  }

  @Test
  void aShortOrMalformedKeyIsRefused() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> new IntegrityKey(config(shortKey, null)))
        .hasMessageContaining("16 bytes, fewer than 32");
    assertThatThrownBy(() -> new IntegrityKey(config("not base64!", null)))
        .hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> new IntegrityKey(config(null, dir.resolve("absent.key"))))
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aKeyFileGivesTheSameLinksAsTheKeyItself() throws Exception {
    String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    Path file = Files.writeString(dir.resolve("audit.key"), key + "\n");
    IntegrityKey fromFile = new IntegrityKey(config(null, file));
    IntegrityKey direct = new IntegrityKey(config(key, null));
    assertThat(fromFile.anchorKey().getEncoded()).isEqualTo(direct.anchorKey().getEncoded());
    assertThat(fromFile.anchorKey().getEncoded())
        .as("anchors are signed with a derived key, not the link key")
        .isNotEqualTo(Base64.getDecoder().decode(key));
  }

  private static AuditConfig config(String key, Path file) {
    AuditConfig.Integrity integrity =
        new AuditConfig.Integrity() {
          @Override
          public Optional<String> key() {
            return Optional.ofNullable(key);
          }

          @Override
          public Optional<Path> keyFile() {
            return Optional.ofNullable(file);
          }
        };
    return new AuditConfig() {
      @Override
      public Optional<Duration> retention() {
        return Optional.empty();
      }

      @Override
      public SelfCheck selfCheck() {
        return () -> "off";
      }

      @Override
      public Query query() {
        return null;
      }

      @Override
      public Integrity integrity() {
        return integrity;
      }

      @Override
      public Anchors anchors() {
        return null;
      }
    };
  }
}
