package dev.mailgate.audit.api;

import jakarta.ws.rs.core.Response;

/** An RFC 7807 problem detail. */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Response response(int status, String slug, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new Problem("urn:mailgate:problem:" + slug, title, status, detail))
        .build();
  }
}
