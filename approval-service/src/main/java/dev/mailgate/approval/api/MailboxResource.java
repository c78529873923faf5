package dev.mailgate.approval.api;

import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.security.CurrentReviewer;
import dev.mailgate.approval.service.policy.MailboxSettings;
import dev.mailgate.approval.service.policy.PolicyAdmin;
import dev.mailgate.approval.service.policy.PolicyViews;
import dev.mailgate.approval.service.policy.UnknownMailboxException;
import dev.mailgate.events.Actor;
import dev.mailgate.support.problem.ApiProblem;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Policy administration: mailboxes, their modes and limits, role grants, recipient rules. Admins
 * only.
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

  private final PolicyAdmin admin;
  private final PolicyRepository policies;
  private final CurrentReviewer reviewer;

  public MailboxResource(PolicyAdmin admin, PolicyRepository policies, CurrentReviewer reviewer) {
    this.admin = admin;
    this.policies = policies;
    this.reviewer = reviewer;
  }

  @GET
  @Operation(summary = "Every mailbox's policy")
  public List<Policy> list() {
    return QuarkusTransaction.requiringNew()
        .call(() -> policies.mailboxes().stream().map(m -> policy(m.id)).toList());
  }

  @GET
  @Path("/{id}")
  public Policy get(@PathParam("id") String id) {
    return QuarkusTransaction.requiringNew().call(() -> policy(Params.text("mailbox_id", id)));
  }

  @PUT
  @Path("/{id}")
  @Operation(summary = "Create or update a mailbox's settings (absent fields keep their value)")
  public Policy put(@PathParam("id") String id, MailboxSettings settings) {
    requireId(id);
    admin.upsertMailbox(
        id,
        settings == null
            ? new MailboxSettings(null, null, null, null, null, null, null, null, null, null)
            : settings,
        actor());
    return get(id);
  }

  @PUT
  @Path("/{id}/grants/{role}")
  public Policy putGrant(@PathParam("id") String id, @PathParam("role") String role, Grant grant) {
    if (grant == null) {
      throw ApiProblem.badRequest("a grant body {send, read} is required");
    }
    admin.putGrant(id, Params.text("role", role), grant.send(), grant.read(), actor());
    return get(id);
  }

  @DELETE
  @Path("/{id}/grants/{role}")
  public Response removeGrant(@PathParam("id") String id, @PathParam("role") String role) {
    return admin.removeGrant(id, Params.text("role", role), actor())
        ? Response.noContent().build()
        : Response.status(404).build();
  }

  @POST
  @Path("/{id}/rules")
  public Policy addRule(@PathParam("id") String id, Rule rule) {
    if (rule == null || rule.pattern() == null) {
      throw ApiProblem.badRequest("a rule body {pattern, effect} is required");
    }
    admin.addRule(id, rule.pattern(), rule.effect(), actor());
    return get(id);
  }

  @DELETE
  @Path("/{id}/rules/{ruleId}")
  public Response removeRule(@PathParam("id") String id, @PathParam("ruleId") long ruleId) {
    return admin.removeRule(id, ruleId, actor())
        ? Response.noContent().build()
        : Response.status(404).build();
  }

  private Policy policy(String id) {
    var mailbox = policies.mailbox(id).orElseThrow(() -> new UnknownMailboxException(id));
    return new Policy(
        PolicyViews.of(mailbox),
        policies.grants(id).stream().map(PolicyViews::of).toList(),
        policies.rules(id).stream().map(PolicyViews::of).toList());
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
