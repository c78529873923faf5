package dev.mailgate.approval.console;

import dev.mailgate.approval.service.inbound.InboundGate;
import dev.mailgate.approval.service.review.Edits;
import dev.mailgate.approval.service.review.ReviewService;
import dev.mailgate.support.problem.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Decisions on several items at once, on conflict groups and on held inbound mail; each a form post
 * with the session's CSRF token, carried out with the reviewer's own scopes.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ActionsResource {

  static final int MAX_BULK = 200;
  private static final Map<String, String> DONE =
      Map.of("approve", "approved", "reject", "rejected", "acknowledge", "acknowledged");

  private final ConsoleSessions sessions;
  private final ReviewService reviews;
  private final InboundGate inbound;

  public ActionsResource(ConsoleSessions sessions, ReviewService reviews, InboundGate inbound) {
    this.sessions = sessions;
    this.reviews = reviews;
    this.inbound = inbound;
  }

  @POST
  @Path("/bulk")
  @Operation(hidden = true)
  public TemplateInstance bulk(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @FormParam("_csrf") String csrf,
      @FormParam("action") String action,
      @FormParam("id") List<String> ids,
      @FormParam("reason") String reason,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    if (!List.of("approve", "reject", "acknowledge").contains(action)) {
      throw new ConsoleException(400, "Choose approve, reject or acknowledge.");
    }
    if (ids == null || ids.isEmpty() || ids.size() > MAX_BULK) {
      throw new ConsoleException(400, "Select 1 to " + MAX_BULK + " items.");
    }
    if ("reject".equals(action) && (reason == null || reason.isBlank())) {
      throw new ConsoleException(400, "A rejection needs a reason the agents can act on.");
    }
    List<Models.Result> results = new ArrayList<>();
    for (String id : ids.stream().distinct().toList()) {
      try {
        QuarkusTransaction.requiringNew()
            .run(
                () -> {
                  switch (action) {
                    case "approve" -> reviews.approve(id, Edits.none(), null, session.caller());
                    case "acknowledge" -> reviews.acknowledge(id, reason, session.caller());
                    default -> reviews.reject(id, reason, session.caller());
                  }
                });
        results.add(new Models.Result(id, true, DONE.get(action)));
      } catch (ApiProblem e) {
        results.add(new Models.Result(id, false, e.getMessage()));
      }
    }
    return Views.results(action, results, session);
  }

  @POST
  @Path("/conflicts/{conflictId}/resolve")
  @Operation(hidden = true)
  public Response resolve(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("conflictId") String conflictId,
      @FormParam("_csrf") String csrf,
      @FormParam("keep") String keep,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    UUID group;
    try {
      group = UUID.fromString(conflictId);
    } catch (IllegalArgumentException e) {
      throw new ConsoleException(404, "No such conflict group.");
    }
    ConsoleException.attempt(
        () ->
            reviews.resolveConflict(
                group, keep == null ? List.of() : List.of(keep), null, session.caller()));
    return ItemPage.backTo(keep);
  }

  @POST
  @Path("/inbound/{emailId}/release")
  @Operation(hidden = true)
  public Response release(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("emailId") String emailId,
      @FormParam("_csrf") String csrf,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    ConsoleException.attempt(() -> inbound.release(emailId, session.caller()));
    return Response.seeOther(URI.create("/console/queue?view=inbound")).build();
  }

  @POST
  @Path("/inbound/{emailId}/reject")
  @Operation(hidden = true)
  public Response rejectInbound(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("emailId") String emailId,
      @FormParam("_csrf") String csrf,
      @FormParam("reason") String reason,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    ConsoleException.attempt(() -> inbound.reject(emailId, reason, session.caller()));
    return Response.seeOther(URI.create("/console/queue?view=inbound")).build();
  }
}
