package dev.mailgate.support.problem;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** An RFC 9457 problem document ({@code application/problem+json}). */
public record ProblemDetail(URI type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A response carrying the problem for {@code status}, titled by its reason phrase. */
  public static Response response(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new ProblemDetail(URI.create("about:blank"), title, status, detail))
        .build();
  }
}
