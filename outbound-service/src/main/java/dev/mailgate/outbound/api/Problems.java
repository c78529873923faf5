package dev.mailgate.outbound.api;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as RFC 7807 problem details ({@code application/problem+json}). */
public class Problems {

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return response(e.status(), e.title(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return response(status, Response.Status.fromStatusCode(status).getReasonPhrase(), null);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    Log.error("request failed", e);
    return response(500, "Internal Server Error", "see the service log");
  }

  static Response response(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    return Response.status(status).type("application/problem+json").entity(body).build();
  }
}
