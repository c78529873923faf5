package dev.mailgate.approval.console;

import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in and out of the console. {@code ./mailgate console} prints a link whose fragment
 * carries a token (a fragment never reaches the server or its logs); the page's script posts it
 * here, and the answer is an HttpOnly, SameSite=Strict session cookie scoped to {@code /console}.
 */
@Path("/console")
public class SessionResource {

  /** A sign-in body: the bearer token. */
  public record SignIn(String token) {}

  private final ConsoleSessions sessions;

  public SessionResource(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response home(@CookieParam(ConsoleSessions.COOKIE) String cookie) {
    if (cookie != null && !cookie.isEmpty()) {
      try {
        // The sign-in page, not a redirect: a redirect would carry a new link's #token fragment
        // along; the page's script signs in with it, or goes on to the queue.
        return Response.ok(Views.signin(null, sessions.open(cookie))).build();
      } catch (ConsoleException e) {
        return Response.ok(Views.signin(e.getMessage(), null)).cookie(sessions.cleared()).build();
      }
    }
    return Response.ok(Views.signin(null, null)).build();
  }

  @POST
  @Path("/session")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Response signIn(SignIn body, @Context HttpHeaders headers) {
    ConsoleSession session = openFrom(body == null ? null : body.token(), headers);
    return Response.noContent().cookie(sessions.cookie(session)).build();
  }

  @POST
  @Path("/session")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response signInWithForm(@FormParam("token") String token, @Context HttpHeaders headers) {
    ConsoleSession session = openFrom(token, headers);
    return Response.seeOther(URI.create("/console/queue")).cookie(sessions.cookie(session)).build();
  }

  @POST
  @Path("/sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response signOut(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @FormParam("_csrf") String csrf,
      @Context HttpHeaders headers) {
    try {
      ConsoleSession session = sessions.open(cookie);
      sessions.checkChange(session, csrf, headers);
      Log.infof("console: %s signed out", session.caller().subject());
    } catch (ConsoleException e) {
      if (e.status() != 401) {
        throw e;
      }
    }
    return Response.seeOther(URI.create("/console/")).cookie(sessions.cleared()).build();
  }

  private ConsoleSession openFrom(String token, HttpHeaders headers) {
    String fetchSite = headers.getHeaderString("Sec-Fetch-Site");
    String origin = headers.getHeaderString("Origin");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")
        || origin != null
            && !ConsoleSessions.sameHost(origin, headers.getHeaderString(HttpHeaders.HOST))) {
      throw ConsoleException.forbidden("Refused: sign in from the console's own page.");
    }
    ConsoleSession session = sessions.open(token);
    Log.infof(
        "console: %s signed in (mailboxes %s)",
        session.caller().subject(), session.caller().scope().mailboxes());
    return session;
  }
}
