package dev.mailgate.audit.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/** A keyset position in (occurred_at, id) order, opaque to clients. */
public record Cursor(Instant occurredAt, long id) {

  /** The cursor as an opaque URL-safe token. */
  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** The cursor a token stands for, or empty when it is not one of ours. */
  public static Optional<Cursor> decode(String token) {
    if (token.length() > 64) {
      return Optional.empty();
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      String[] parts = text.split(":", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
      return Optional.of(new Cursor(at, Long.parseLong(parts[1])));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
