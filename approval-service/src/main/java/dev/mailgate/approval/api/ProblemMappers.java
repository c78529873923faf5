package dev.mailgate.approval.api;

import dev.mailgate.approval.service.ReviewException;
import dev.mailgate.approval.service.UnknownMailboxException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the REST API as an RFC 7807 problem ({@code application/problem+json}). */
public class ProblemMappers {

  /** The problem document. */
  public record Problem(URI type, String title, int status, String detail) {}

  @ServerExceptionMapper
  public Response review(ReviewException e) {
    return problem(e.kind().status, e.getMessage());
  }

  @ServerExceptionMapper
  public Response invalid(IllegalArgumentException e) {
    return problem(400, e.getMessage());
  }

  @ServerExceptionMapper
  public Response unknownMailbox(UnknownMailboxException e) {
    return problem(404, e.getMessage());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String detail =
        status == 400 ? "the request body is not valid JSON of the expected shape" : e.getMessage();
    return problem(status, detail);
  }

  static Response problem(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return Response.status(status)
        .type("application/problem+json")
        .entity(new Problem(URI.create("about:blank"), title, status, detail))
        .build();
  }
}
