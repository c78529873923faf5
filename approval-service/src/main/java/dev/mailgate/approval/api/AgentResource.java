package dev.mailgate.approval.api;

import dev.mailgate.approval.domain.AgentCredential;
import dev.mailgate.approval.service.agents.AgentRegistry;
import dev.mailgate.events.Actor;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agent credentials: which team, roles and mailboxes an agent's signed intents may claim. Admins
 * only, and only for mailboxes their token administers.
 */
@Path("/api/agents")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "agents")
@SecurityRequirement(name = "bearer")
public class AgentResource {

  /** A request for a credential. */
  public record NewAgent(String team, List<String> roles, List<String> mailboxes) {}

  /** A new credential with its signing key, shown this once. */
  public record Issued(
      String agentId, String team, List<String> roles, List<String> mailboxes, String signingKey) {}

  private final AgentRegistry registry;
  private final CurrentCaller caller;

  public AgentResource(AgentRegistry registry, CurrentCaller caller) {
    this.registry = registry;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary = "Issue an agent credential",
      description =
          "Answers the agent id and its signing key (mailgate.agent.id and"
              + " mailgate.agent.signing.key for the clients); the key is shown only here.")
  public Response issue(NewAgent body) {
    if (body == null) {
      throw ApiProblem.badRequest("a body {team, roles, mailboxes} is required");
    }
    Caller who = caller.get();
    if (body.mailboxes() != null && !body.mailboxes().stream().allMatch(who::mayActOn)) {
      throw ApiProblem.forbidden("your token does not administer every mailbox asked for");
    }
    AgentRegistry.Issued issued =
        registry.issue(body.team(), body.roles(), body.mailboxes(), Actor.reviewer(who.subject()));
    AgentRegistry.View view = AgentRegistry.View.of(issued.credential());
    return Response.status(201)
        .entity(
            new Issued(
                view.agentId(), view.team(), view.roles(), view.mailboxes(), issued.signingKey()))
        .build();
  }

  @GET
  @Operation(summary = "Credentials covering the caller's mailboxes (never their keys)")
  public List<AgentRegistry.View> list() {
    Caller who = caller.get();
    return registry.list().stream()
        .filter(c -> c.mailboxList().stream().anyMatch(who::mayActOn))
        .map(AgentRegistry.View::of)
        .toList();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke a credential: its intents are rejected from now on")
  public AgentRegistry.View revoke(@PathParam("id") String id) {
    Caller who = caller.get();
    AgentCredential credential = registry.find(Params.text("agent_id", id));
    if (!credential.mailboxList().stream().allMatch(who::mayActOn)) {
      throw ApiProblem.forbidden("your token does not administer every mailbox of " + id);
    }
    return AgentRegistry.View.of(registry.revoke(id, Actor.reviewer(who.subject())));
  }
}
