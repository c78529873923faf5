package dev.mailgate.approval.console;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Console refusals as pages: a missing, expired or revoked session shows the sign-in page (401) and
 * clears the cookie; anything else an error page with its status and reason.
 */
public class ConsoleErrors {

  private final ConsoleSessions sessions;

  public ConsoleErrors(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @ServerExceptionMapper
  public Response refused(ConsoleException e) {
    if (e.status() == 401) {
      return Response.status(401)
          .type(MediaType.TEXT_HTML_TYPE)
          .entity(Views.signin(e.getMessage(), null).render())
          .cookie(sessions.cleared())
          .build();
    }
    return Response.status(e.status())
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Views.error(e.status(), e.getMessage(), null).render())
        .build();
  }
}
