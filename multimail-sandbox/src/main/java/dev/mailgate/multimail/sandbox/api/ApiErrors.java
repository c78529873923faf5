package dev.mailgate.multimail.sandbox.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds MultiMail-shaped error answers: {@code {"error": "..."}}. */
final class ApiErrors {

  private ApiErrors() {}

  static Response of(int status, String error, Long retryAfterSeconds) {
    Response.ResponseBuilder builder =
        Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error));
    if (retryAfterSeconds != null) {
      builder.header("Retry-After", retryAfterSeconds);
    }
    if (status == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"multimail\"");
    }
    return builder.build();
  }

  static Response of(int status, String error) {
    return of(status, error, null);
  }
}
