package dev.mailgate.audit.api;

import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.service.Cursor;
import dev.mailgate.audit.service.EventFilter;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.MailboxScope;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filter query parameters shared by search and export; validated before any query runs. */
public class FilterParams {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern LABEL = Pattern.compile("[^\\p{Cntrl}]{1,200}");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9_.-]{1,64}");

  @QueryParam("mailbox")
  @Parameter(description = "a mailbox id")
  String mailbox;

  @QueryParam("team")
  @Parameter(description = "the team/run whose intents caused the events")
  String team;

  @QueryParam("role")
  @Parameter(description = "the role (e.g. ProductManager) whose intents caused the events")
  String role;

  @QueryParam("agent")
  @Parameter(description = "the agent name whose intents caused the events")
  String agent;

  @QueryParam("action")
  @Parameter(description = "the agent action (e.g. SendEmail) whose intents caused the events")
  String action;

  @QueryParam("intent_id")
  String intentId;

  @QueryParam("thread_id")
  String threadId;

  @QueryParam("event_type")
  @Parameter(description = "e.g. decision.approved")
  String eventType;

  @QueryParam("from")
  @Parameter(description = "ISO-8601 instant, inclusive")
  String from;

  @QueryParam("to")
  @Parameter(description = "ISO-8601 instant, exclusive")
  String to;

  @QueryParam("cursor")
  @Parameter(description = "next_cursor of the previous page")
  String cursor;

  @QueryParam("limit")
  @Parameter(description = "page size")
  String limit;

  /** The validated filter for a caller with {@code scope}; a bad value is a 400, never echoed. */
  EventFilter toFilter(MailboxScope scope, AuditConfig.Query config, boolean paged) {
    String box = matching("mailbox", mailbox, ID);
    if (box != null) {
      scope.require(box);
    }
    Instant fromAt = instant("from", from);
    Instant toAt = instant("to", to);
    Cursor after =
        cursor == null
            ? null
            : Cursor.decode(cursor)
                .orElseThrow(() -> ApiProblem.badRequest("cursor is not a cursor of this API"));
    return new EventFilter(
        scope.all() ? null : scope.mailboxes(),
        box,
        matching("team", team, LABEL),
        matching("role", role, LABEL),
        matching("agent", agent, LABEL),
        matching("action", action, LABEL),
        matching("intent_id", intentId, ID),
        matching("thread_id", threadId, ID),
        matching("event_type", eventType, TYPE),
        fromAt,
        toAt,
        after,
        paged ? limit(config) : limitChecked(config, config.scanPageSize()));
  }

  static String matching(String name, String value, Pattern pattern) {
    if (value == null) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      throw ApiProblem.badRequest(name + " is not valid: " + describe(pattern));
    }
    return value;
  }

  static String id(String name, String value) {
    return matching(name, value, ID);
  }

  private static String describe(Pattern pattern) {
    if (pattern == ID) {
      return "1 to 128 letters, digits or . _ : -";
    }
    return pattern == TYPE
        ? "1 to 64 lower-case letters, digits or . _ -"
        : "1 to 200 characters without control characters";
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() > 40) {
        throw new DateTimeParseException("too long", "", 0);
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(
          name + " is not an ISO-8601 instant such as 2026-11-24T10:00:00Z");
    }
  }

  /** Export streams everything, page by page, but still refuses a malformed limit. */
  private int limitChecked(AuditConfig.Query config, int pageSize) {
    limit(config);
    return pageSize;
  }

  private int limit(AuditConfig.Query config) {
    if (limit == null) {
      return config.defaultLimit();
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= config.maxLimit()) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiProblem.badRequest("limit must be a whole number from 1 to " + config.maxLimit());
  }
}
