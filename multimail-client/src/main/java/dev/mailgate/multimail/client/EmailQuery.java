package dev.mailgate.multimail.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of {@code GET /v1/mailboxes/{id}/emails}. With {@code sinceId} MultiMail returns emails
 * whose id is greater, oldest first — the polling idiom.
 */
public record EmailQuery(
    String direction, String status, String sinceId, Integer limit, String cursor) {

  public static final EmailQuery ALL = new EmailQuery(null, null, null, null, null);

  public EmailQuery {
    if (limit != null && (limit < 1 || limit > 100)) {
      throw new IllegalArgumentException("limit must be 1..100, was " + limit);
    }
  }

  public static EmailQuery since(String sinceId) {
    return ALL.withSinceId(sinceId);
  }

  public EmailQuery withDirection(String value) {
    return new EmailQuery(value, status, sinceId, limit, cursor);
  }

  public EmailQuery withStatus(String value) {
    return new EmailQuery(direction, value, sinceId, limit, cursor);
  }

  public EmailQuery withSinceId(String value) {
    return new EmailQuery(direction, status, value, limit, cursor);
  }

  public EmailQuery withLimit(int value) {
    return new EmailQuery(direction, status, sinceId, value, cursor);
  }

  public EmailQuery withCursor(String value) {
    return new EmailQuery(direction, status, sinceId, limit, value);
  }

  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "direction", direction);
    put(parameters, "status", status);
    put(parameters, "since_id", sinceId);
    put(parameters, "limit", limit == null ? null : limit.toString());
    put(parameters, "cursor", cursor);
    return parameters;
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }
}
