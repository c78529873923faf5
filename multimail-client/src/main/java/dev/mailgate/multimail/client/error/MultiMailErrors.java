package dev.mailgate.multimail.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Maps MultiMail's error answers and transport failures to the typed exceptions. */
public final class MultiMailErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_RAW_ERROR = 500;

  private MultiMailErrors() {}

  /**
   * The exception for a non-success answer.
   *
   * @param call e.g. {@code POST /v1/mailboxes/x/send} (never includes credentials)
   * @param retryAfterHeader the raw {@code Retry-After} header, or null
   */
  public static MultiMailException fromResponse(
      String call, int status, String body, String retryAfterHeader) {
    String error = errorText(body);
    Duration retryAfter = parseRetryAfter(retryAfterHeader).orElse(null);
    String message =
        "MultiMail answered " + status + " to " + call + (error == null ? "" : ": " + error);
    if (status == 400 || status == 413 || status == 422) {
      return new MultiMailBadRequestException(message, status, error, retryAfter, null);
    }
    if (status == 401) {
      return new MultiMailUnauthorizedException(message, status, error, retryAfter, null);
    }
    if (status == 403) {
      return mentionsReadOnly(error)
          ? new MailboxReadOnlyException(message, status, error, retryAfter, null)
          : new MultiMailForbiddenException(message, status, error, retryAfter, null);
    }
    if (status == 404) {
      return new MultiMailNotFoundException(message, status, error, retryAfter, null);
    }
    if (status == 409) {
      return new MultiMailConflictException(message, status, error, retryAfter, null);
    }
    if (status == 429) {
      return error != null && error.toLowerCase(Locale.ROOT).contains("quota")
          ? new MultiMailQuotaExceededException(message, status, error, retryAfter, null)
          : new MultiMailRateLimitException(message, status, error, retryAfter, null);
    }
    if (status >= 500) {
      return new MultiMailServerException(message, status, error, retryAfter, null);
    }
    return new MultiMailApiException(message, status, error, retryAfter, null);
  }

  /** The exception for a call that got no answer. */
  public static MultiMailException fromTransport(String call, IOException cause) {
    // A connect timeout means nothing was sent; a request timeout leaves the outcome unknown.
    if (cause instanceof HttpConnectTimeoutException) {
      return new MultiMailConnectionException(
          "Could not connect to MultiMail for " + call + ": connect timed out",
          0,
          null,
          null,
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new MultiMailTimeoutException(
          "MultiMail did not answer " + call + " in time", 0, null, null, cause);
    }
    return new MultiMailConnectionException(
        "Connection to MultiMail failed for " + call + ": " + cause.getClass().getSimpleName(),
        0,
        null,
        null,
        cause);
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
  public static Optional<Duration> parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.path("error").isTextual()) {
        return node.get("error").asText();
      }
    } catch (IOException notJson) {
      // MultiMail sometimes answers with a non-JSON body; keep it, shortened.
    }
    String raw = body.strip();
    return raw.length() > MAX_RAW_ERROR ? raw.substring(0, MAX_RAW_ERROR) + "…" : raw;
  }

  private static boolean mentionsReadOnly(String error) {
    if (error == null) {
      return false;
    }
    String lower = error.toLowerCase(Locale.ROOT);
    return lower.contains("read_only")
        || lower.contains("read-only")
        || lower.contains("read only");
  }
}
