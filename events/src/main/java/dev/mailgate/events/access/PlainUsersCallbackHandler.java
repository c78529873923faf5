package dev.mailgate.events.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.plain.PlainLoginModule;

/**
 * The broker's PLAIN server callback handler: a user authenticates when its password matches the
 * {@link PasswordHashes} file (agents, added at runtime by {@code ./mailgate agent}; re-read when
 * it changes) or a static {@code user_<name>="<password>"} option of the listener's JAAS entry (the
 * admin and the broker itself). The file's path is the JAAS option {@code plain.users.file}, else
 * the environment variable {@code MAILGATE_KAFKA_PLAIN_USERS}. Configure it with {@code
 * listener.name.<listener>.plain.sasl.server.callback.handler.class}.
 */
public class PlainUsersCallbackHandler implements AuthenticateCallbackHandler {

  /** The JAAS option naming the hash file. */
  public static final String FILE_OPTION = "plain.users.file";

  /** The environment variable naming the hash file when the JAAS entry does not. */
  public static final String FILE_ENV = "MAILGATE_KAFKA_PLAIN_USERS";

  private static final String STATIC_PREFIX = "user_";

  private final Map<String, String> staticUsers = new HashMap<>();
  private Path file;
  private FileTime loadedAt;
  private PasswordHashes hashes;

  @Override
  public void configure(
      Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> jaasConfigEntries) {
    String path = System.getenv(FILE_ENV);
    for (AppConfigurationEntry entry : jaasConfigEntries) {
      if (!PlainLoginModule.class.getName().equals(entry.getLoginModuleName())) {
        continue;
      }
      entry
          .getOptions()
          .forEach(
              (key, value) -> {
                if (key.startsWith(STATIC_PREFIX)) {
                  staticUsers.put(key.substring(STATIC_PREFIX.length()), String.valueOf(value));
                }
              });
      Object option = entry.getOptions().get(FILE_OPTION);
      if (option != null) {
        path = String.valueOf(option);
      }
    }
    file = path == null || path.isBlank() ? null : Path.of(path);
  }

  @Override
  public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
    String user = null;
    for (Callback callback : callbacks) {
      if (callback instanceof NameCallback name) {
        user = name.getDefaultName();
      } else if (callback instanceof PlainAuthenticateCallback plain) {
        plain.authenticated(user != null && authenticate(user, plain.password()));
      } else {
        throw new UnsupportedCallbackException(callback);
      }
    }
  }

  /** Whether {@code password} is {@code user}'s. */
  protected boolean authenticate(String user, char[] password) {
    String expected = staticUsers.get(user);
    if (expected != null) {
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8),
          new String(password).getBytes(StandardCharsets.UTF_8));
    }
    PasswordHashes current = current();
    return current != null && current.matches(user, password);
  }

  private synchronized PasswordHashes current() {
    if (file == null) {
      return null;
    }
    try {
      FileTime modified =
          Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
      if (hashes == null || !modified.equals(loadedAt)) {
        hashes = PasswordHashes.read(file);
        loadedAt = modified;
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable file authenticates nobody from it; the static users still work.
      return null;
    }
    return hashes;
  }

  @Override
  public void close() {}
}
