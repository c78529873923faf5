package dev.mailgate.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the nearest folder above the working directory with a {@code mvnw}. */
final class Repository {

  private Repository() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("e2e-tests"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("not inside the MailGate repository");
  }
}
