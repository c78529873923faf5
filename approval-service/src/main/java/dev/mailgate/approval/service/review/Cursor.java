package dev.mailgate.approval.service.review;

import dev.mailgate.support.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** A keyset position in a listing ordered by (received_at, id), as an opaque string. */
public record Cursor(Instant receivedAt, String id) {

  public String encode() {
    String raw = receivedAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor from a client; throws {@link ApiProblem} (400) when it is not one. */
  public static Cursor decode(String encoded) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 0) {
        throw ApiProblem.badRequest("not a cursor");
      }
      return new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ApiProblem.badRequest("after is not a cursor this API returned");
    }
  }
}
