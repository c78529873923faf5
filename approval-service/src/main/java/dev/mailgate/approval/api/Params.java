package dev.mailgate.approval.api;

import dev.mailgate.support.problem.ApiProblem;
import java.util.UUID;

/** Checks query and path parameters before they reach a query: length, characters, ranges. */
final class Params {

  private static final int MAX_TEXT = 200;

  private Params() {}

  static String text(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw ApiProblem.badRequest(name + " is longer than " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw ApiProblem.badRequest(name + " contains control characters");
      }
    }
    return value;
  }

  static void uuid(String name, String value) {
    if (value != null) {
      try {
        UUID.fromString(text(name, value));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest(name + " is not a UUID");
      }
    }
  }

  static int limit(Integer limit, int max) {
    if (limit == null) {
      return Math.min(50, max);
    }
    if (limit < 1 || limit > max) {
      throw ApiProblem.badRequest("limit must be between 1 and " + max);
    }
    return limit;
  }
}
