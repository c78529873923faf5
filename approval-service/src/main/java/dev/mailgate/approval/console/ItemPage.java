package dev.mailgate.approval.console;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.service.review.Edits;
import dev.mailgate.approval.service.review.ReviewService;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One item: the email as it will be sent, its provenance, its conflict group or the original it
 * duplicates; and the decisions on it — approve, edit (shown as a diff, then confirmed), reject
 * with a reason — through the same {@link ReviewService} and scopes as the REST API.
 */
@Path("/console/items/{id}")
@Produces(MediaType.TEXT_HTML)
public class ItemPage {

  private final ConsoleSessions sessions;
  private final ConsoleQueries queries;
  private final ReviewService reviews;
  private final ItemModels models;
  private final AuditTrail trail;

  public ItemPage(
      ConsoleSessions sessions,
      ConsoleQueries queries,
      ReviewService reviews,
      ItemModels models,
      AuditTrail trail) {
    this.sessions = sessions;
    this.queries = queries;
    this.reviews = reviews;
    this.models = models;
    this.trail = trail;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance page(
      @CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("id") String id) {
    ConsoleSession session = sessions.open(cookie);
    return Views.item(models.item(find(id, session), session), session);
  }

  /** The chain badge of the item's mailbox, loaded by the page after it is shown. */
  @GET
  @Path("/chain")
  @Operation(hidden = true)
  public TemplateInstance chain(
      @CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("id") String id) {
    ConsoleSession session = sessions.open(cookie);
    return Views.chain(trail.chain(find(id, session).mailboxId, session));
  }

  @POST
  @Path("/preview")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public TemplateInstance preview(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("subject") String subject,
      @FormParam("to") String to,
      @FormParam("cc") String cc,
      @FormParam("bcc") String bcc,
      @FormParam("markdown") String markdown,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    Intent intent = find(id, session);
    return Views.preview(
        models.preview(intent, subject, to, cc, bcc, normalise(markdown)), session);
  }

  @POST
  @Path("/approve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response approve(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("edited") String edited,
      @FormParam("subject") String subject,
      @FormParam("to") String to,
      @FormParam("cc") String cc,
      @FormParam("bcc") String bcc,
      @FormParam("markdown") String markdown,
      @FormParam("reason") String reason,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    Intent intent = find(id, session);
    Edits edits =
        "1".equals(edited)
            ? new Edits(
                changed(intent.subject, subject),
                changed(intent.markdown, normalise(markdown)),
                changedList(intent.to, to),
                changedList(intent.cc, cc),
                changedList(intent.bcc, bcc))
            : Edits.none();
    ConsoleException.attempt(
        () -> reviews.approve(id, edits, blankToNull(reason), session.caller()));
    return backTo(id);
  }

  @POST
  @Path("/reject")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response reject(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("reason") String reason,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    ConsoleException.attempt(() -> reviews.reject(id, reason, session.caller()));
    return backTo(id);
  }

  @POST
  @Path("/acknowledge")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response acknowledge(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("note") String note,
      @Context HttpHeaders headers) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    ConsoleException.attempt(() -> reviews.acknowledge(id, note, session.caller()));
    return backTo(id);
  }

  private Intent find(String id, ConsoleSession session) {
    if (id == null || id.length() > 200) {
      throw new ConsoleException(404, "No such item in your mailboxes.");
    }
    return queries
        .find(id, session.caller())
        .orElseThrow(() -> new ConsoleException(404, "No item " + id + " in your mailboxes."));
  }

  static Response backTo(String id) {
    return Response.seeOther(
            URI.create("/console/items/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
        .build();
  }

  /** The new value when the reviewer changed it, else null (the agent's value stays). */
  static String changed(String current, String proposed) {
    return proposed == null || Objects.equals(current, proposed) ? null : proposed;
  }

  static List<String> changedList(List<String> current, String proposed) {
    if (proposed == null) {
      return null;
    }
    List<String> list = addresses(proposed);
    return list.equals(current) ? null : list;
  }

  static List<String> addresses(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("[,;\\s]+"))
            .map(String::strip)
            .filter(a -> !a.isEmpty())
            .toList();
  }

  /** Browsers submit textarea line breaks as CRLF; the agent's text uses LF. */
  static String normalise(String markdown) {
    return markdown == null ? null : markdown.replace("\r\n", "\n");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
