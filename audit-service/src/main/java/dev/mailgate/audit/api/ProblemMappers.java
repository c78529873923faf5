package dev.mailgate.audit.api;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API as application/problem+json; internal details stay in the log. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response apiProblem(ApiProblem problem) {
    return Problem.response(
        problem.status(), slug(problem.title()), problem.title(), problem.getMessage());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e) {
    return Problem.response(
        401, "unauthorized", "Unauthorized", "a valid bearer token from MailGate is required");
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return Problem.response(
        403, "forbidden", "Forbidden", "the token does not grant this operation");
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "Error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    return Problem.response(status, slug(title), title, title);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    Log.error("request failed", e);
    return Problem.response(500, "internal", "Internal error", "the request could not be served");
  }

  private static String slug(String title) {
    return title.toLowerCase(Locale.ROOT).replace(' ', '-');
  }
}
