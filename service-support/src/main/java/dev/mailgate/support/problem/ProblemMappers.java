package dev.mailgate.support.problem;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every service's REST API as a problem document; internals stay in the log. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response refused(ApiProblem problem) {
    return ProblemDetail.response(problem.status(), problem.getMessage());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e) {
    return ProblemDetail.response(401, "a valid bearer token from MailGate is required");
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ProblemDetail.response(403, "the token does not grant this operation");
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 400 -> "the request body is not valid JSON of the expected shape";
          case 404 -> "no such resource";
          case 405 -> "this resource does not take that method";
          case 406, 415 -> "the request's media type is not supported here";
          default ->
              Response.Status.fromStatusCode(status) == null
                  ? "the request could not be served"
                  : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    return ProblemDetail.response(status, detail);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    Log.error("request failed", e);
    return ProblemDetail.response(500, "the request could not be served; see the service log");
  }
}
