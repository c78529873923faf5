package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.SandboxException;

/** Query parameters read as strings, so a wrong type is MultiMail's 400, not a framework 404. */
final class QueryParams {

  private QueryParams() {}

  static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw SandboxException.badRequest(name + " must be an integer");
    }
  }
}
