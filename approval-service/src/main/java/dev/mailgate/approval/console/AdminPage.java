package dev.mailgate.approval.console;

import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.service.policy.MailboxSettings;
import dev.mailgate.approval.service.policy.ModeChanges;
import dev.mailgate.approval.service.policy.PolicyAdmin;
import dev.mailgate.approval.service.policy.PolicyViews;
import dev.mailgate.events.Actor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateData;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Administration for admin tokens: each mailbox they administer with its mode, grants, rules and
 * pending raises of autonomy. A raise waits for a second administrator (two-person rule), exactly
 * as through {@code PUT /api/mailboxes/{id}}; lowering is immediate.
 */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

  /** A mailbox as the admin page shows it. */
  @TemplateData
  public record Box(
      PolicyViews.MailboxView mailbox,
      List<PolicyViews.GrantView> grants,
      List<PolicyViews.RuleView> rules,
      List<ModeChanges.View> pending) {}

  static final List<String> MODES =
      List.of("read_only", "gated_all", "gated_send", "monitored", "autonomous");

  private final ConsoleSessions sessions;
  private final PolicyRepository policies;
  private final PolicyAdmin admin;
  private final ModeChanges modeChanges;

  public AdminPage(
      ConsoleSessions sessions,
      PolicyRepository policies,
      PolicyAdmin admin,
      ModeChanges modeChanges) {
    this.sessions = sessions;
    this.policies = policies;
    this.admin = admin;
    this.modeChanges = modeChanges;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance page(@CookieParam(ConsoleSessions.COOKIE) String cookie) {
    ConsoleSession session = requireAdmin(sessions.open(cookie));
    List<Box> boxes =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    policies.mailboxes().stream()
                        .filter(m -> session.caller().mayActOn(m.id))
                        .map(
                            m ->
                                new Box(
                                    PolicyViews.of(m),
                                    policies.grants(m.id).stream().map(PolicyViews::of).toList(),
                                    policies.rules(m.id).stream().map(PolicyViews::of).toList(),
                                    modeChanges.pending(m.id).stream()
                                        .map(ModeChanges.View::of)
                                        .toList()))
                        .toList());
    return Views.admin(boxes, MODES, session);
  }

  @POST
  @Path("/{id}/mode")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response mode(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("mode") String mode,
      @Context HttpHeaders headers) {
    ConsoleSession session = change(cookie, csrf, headers, id);
    if (!MODES.contains(mode)) {
      throw new ConsoleException(400, "Choose one of " + String.join(", ", MODES) + ".");
    }
    MailboxSettings settings = MailboxSettings.modeOnly(mode);
    ConsoleException.attempt(() -> admin.updateMailbox(id, settings, actor(session)));
    return back();
  }

  @POST
  @Path("/{id}/mode-changes/{change}/{verb:confirm|cancel}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response decideRaise(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @PathParam("change") String change,
      @PathParam("verb") String verb,
      @FormParam("_csrf") String csrf,
      @Context HttpHeaders headers) {
    ConsoleSession session = change(cookie, csrf, headers, id);
    ConsoleException.attempt(
        () ->
            "confirm".equals(verb)
                ? modeChanges.confirm(id, uuid(change), actor(session))
                : modeChanges.cancel(id, uuid(change), actor(session)));
    return back();
  }

  @POST
  @Path("/{id}/grants")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response grant(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("role") String role,
      @FormParam("send") String send,
      @FormParam("read") String read,
      @FormParam("remove") String remove,
      @Context HttpHeaders headers) {
    ConsoleSession session = change(cookie, csrf, headers, id);
    if (role == null || role.isBlank() || role.length() > 100) {
      throw new ConsoleException(400, "A grant names a role (1-100 characters).");
    }
    String r = role.strip();
    ConsoleException.attempt(
        () ->
            remove != null
                ? admin.removeGrant(id, r, actor(session))
                : admin.putGrant(id, r, send != null, read != null, actor(session)));
    return back();
  }

  @POST
  @Path("/{id}/rules")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response rule(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @PathParam("id") String id,
      @FormParam("_csrf") String csrf,
      @FormParam("pattern") String pattern,
      @FormParam("effect") String effect,
      @FormParam("remove") Long remove,
      @Context HttpHeaders headers) {
    ConsoleSession session = change(cookie, csrf, headers, id);
    if (remove == null && (pattern == null || pattern.isBlank())) {
      throw new ConsoleException(400, "A rule needs an address or *@domain.");
    }
    ConsoleException.attempt(
        () ->
            remove != null
                ? admin.removeRule(id, remove, actor(session))
                : admin.addRule(id, pattern, effect, actor(session)));
    return back();
  }

  private static ConsoleSession requireAdmin(ConsoleSession session) {
    if (!session.isAdmin()) {
      throw ConsoleException.forbidden("Administration needs an admin token.");
    }
    return session;
  }

  private ConsoleSession change(String cookie, String csrf, HttpHeaders headers, String mailbox) {
    ConsoleSession session = sessions.change(cookie, csrf, headers);
    requireAdmin(session);
    if (!session.caller().mayActOn(mailbox)) {
      throw ConsoleException.forbidden("Your token does not administer mailbox " + mailbox + ".");
    }
    return session;
  }

  private static UUID uuid(String change) {
    try {
      return UUID.fromString(change);
    } catch (IllegalArgumentException e) {
      throw new ConsoleException(404, "No such mode change.");
    }
  }

  private static Actor actor(ConsoleSession session) {
    return Actor.reviewer(session.caller().subject());
  }

  private static Response back() {
    return Response.seeOther(URI.create("/console/admin")).build();
  }
}
