package dev.mailgate.approval.api;

import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.service.policy.MailboxSettings;
import dev.mailgate.approval.service.policy.ModeChanges;
import dev.mailgate.approval.service.policy.PolicyAdmin;
import dev.mailgate.approval.service.policy.PolicyViews;
import dev.mailgate.approval.service.policy.UnknownMailboxException;
import dev.mailgate.events.Actor;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.CurrentCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Policy administration: mailboxes, their modes and limits, role grants, recipient rules. Admins
 * only, and only of the mailboxes their token names: another mailbox is a 403 (and absent from the
 * list). Raising a mailbox's autonomy waits for a second administrator (two-person rule).
 */
@Path("/api/mailboxes")
@RolesAllowed("admin")
@Tag(name = "policy")
@SecurityRequirement(name = "bearer")
public class MailboxResource {

  /** A mailbox with its grants and rules. */
  public record Policy(
      PolicyViews.MailboxView mailbox,
      List<PolicyViews.GrantView> grants,
      List<PolicyViews.RuleView> rules) {}

  /** A grant body. */
  public record Grant(boolean send, boolean read) {}

  /**
   * A rule body: {@code pattern} is an address or {@code *@domain}; {@code effect} allow or deny.
   */
  public record Rule(String pattern, String effect) {}

  /** A raise of autonomy waiting for a second administrator, and where to confirm it. */
  public record PendingRaise(ModeChanges.View change, String confirm) {}

  /** An update's answer: the policy now, and the raise it left pending, if any. */
  public record Updated(
      PolicyViews.MailboxView mailbox,
      List<PolicyViews.GrantView> grants,
      List<PolicyViews.RuleView> rules,
      PendingRaise pendingRaise) {}

  private final PolicyAdmin admin;
  private final ModeChanges modeChanges;
  private final PolicyRepository policies;
  private final CurrentCaller reviewer;

  public MailboxResource(
      PolicyAdmin admin,
      ModeChanges modeChanges,
      PolicyRepository policies,
      CurrentCaller reviewer) {
    this.admin = admin;
    this.modeChanges = modeChanges;
    this.policies = policies;
    this.reviewer = reviewer;
  }

  @GET
  @Operation(summary = "The policy of every mailbox the token administers")
  public List<Policy> list() {
    var caller = reviewer.get();
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                policies.mailboxes().stream()
                    .filter(m -> caller.mayActOn(m.id))
                    .map(m -> policy(m.id))
                    .toList());
  }

  @GET
  @Path("/{id}")
  public Policy get(@PathParam("id") String id) {
    String mailbox = scoped(id);
    return QuarkusTransaction.requiringNew().call(() -> policy(mailbox));
  }

  @PUT
  @Path("/{id}")
  @Operation(
      summary = "Create or update a mailbox's settings (absent fields keep their value)",
      description =
          "A raise of the oversight mode toward autonomous is not applied: it is answered 202 with"
              + " the pending change, which a second administrator confirms.")
  public Response put(@PathParam("id") String id, MailboxSettings settings) {
    requireId(id);
    scoped(id);
    PolicyAdmin.Update update =
        admin.updateMailbox(
            id,
            settings == null
                ? new MailboxSettings(
                    null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null)
                : settings,
            actor());
    Policy now = get(id);
    PendingRaise pending =
        update
            .pendingRaise()
            .map(
                c ->
                    new PendingRaise(
                        ModeChanges.View.of(c),
                        "/api/mailboxes/" + id + "/mode-changes/" + c.id + "/confirm"))
            .orElse(null);
    return Response.status(pending == null ? 200 : 202)
        .entity(new Updated(now.mailbox(), now.grants(), now.rules(), pending))
        .build();
  }

  @GET
  @Path("/{id}/mode-changes")
  @Operation(summary = "Raises of autonomy waiting for a second administrator")
  public List<ModeChanges.View> pendingRaises(@PathParam("id") String id) {
    return modeChanges.pending(scoped(id)).stream().map(ModeChanges.View::of).toList();
  }

  @POST
  @Path("/{id}/mode-changes/{change}/confirm")
  @Operation(summary = "Confirm another administrator's raise of autonomy (two-person rule)")
  public ModeChanges.View confirmRaise(
      @PathParam("id") String id, @PathParam("change") String change) {
    return ModeChanges.View.of(modeChanges.confirm(scoped(id), uuid(change), actor()));
  }

  @DELETE
  @Path("/{id}/mode-changes/{change}")
  @Operation(summary = "Withdraw a pending raise of autonomy")
  public ModeChanges.View cancelRaise(
      @PathParam("id") String id, @PathParam("change") String change) {
    return ModeChanges.View.of(modeChanges.cancel(scoped(id), uuid(change), actor()));
  }

  @PUT
  @Path("/{id}/grants/{role}")
  public Policy putGrant(@PathParam("id") String id, @PathParam("role") String role, Grant grant) {
    scoped(id);
    if (grant == null) {
      throw ApiProblem.badRequest("a grant body {send, read} is required");
    }
    admin.putGrant(id, Params.text("role", role), grant.send(), grant.read(), actor());
    return get(id);
  }

  @DELETE
  @Path("/{id}/grants/{role}")
  public Response removeGrant(@PathParam("id") String id, @PathParam("role") String role) {
    scoped(id);
    if (!admin.removeGrant(id, Params.text("role", role), actor())) {
      throw ApiProblem.notFound("this mailbox has no grant for that role");
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/rules")
  public Policy addRule(@PathParam("id") String id, Rule rule) {
    scoped(id);
    if (rule == null || rule.pattern() == null) {
      throw ApiProblem.badRequest("a rule body {pattern, effect} is required");
    }
    admin.addRule(id, rule.pattern(), rule.effect(), actor());
    return get(id);
  }

  @DELETE
  @Path("/{id}/rules/{ruleId}")
  public Response removeRule(@PathParam("id") String id, @PathParam("ruleId") long ruleId) {
    scoped(id);
    if (!admin.removeRule(id, ruleId, actor())) {
      throw ApiProblem.notFound("this mailbox has no rule with that id");
    }
    return Response.noContent().build();
  }

  private Policy policy(String id) {
    var mailbox = policies.mailbox(id).orElseThrow(() -> new UnknownMailboxException(id));
    return new Policy(
        PolicyViews.of(mailbox),
        policies.grants(id).stream().map(PolicyViews::of).toList(),
        policies.rules(id).stream().map(PolicyViews::of).toList());
  }

  /** The mailbox id, if the caller administers it; else 403. */
  private String scoped(String id) {
    String mailbox = Params.text("mailbox_id", id);
    if (!reviewer.get().mayActOn(mailbox)) {
      throw ApiProblem.forbidden("your token does not administer mailbox " + mailbox);
    }
    return mailbox;
  }

  private static UUID uuid(String change) {
    try {
      return UUID.fromString(Params.text("change", change));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("a mode change id is a UUID");
    }
  }

  private static void requireId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
      throw ApiProblem.badRequest("a mailbox id is 1-128 letters, digits and . _ : -");
    }
  }

  private Actor actor() {
    return Actor.reviewer(reviewer.get().subject());
  }
}
