package dev.mailgate.approval.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.config.ApprovalConfig;
import dev.mailgate.approval.domain.InboundItem;
import dev.mailgate.approval.service.inbound.InboundGate;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inbound mail held for review (gated_all mailboxes): list, release to the agents, reject. */
@Path("/api/inbound")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "inbound")
@SecurityRequirement(name = "bearer")
public class InboundResource {

  /** An inbound email as reviewers see it. */
  public record Item(
      String emailId,
      String mailboxId,
      String threadId,
      String state,
      String reason,
      Instant receivedAt,
      String decidedBy,
      JsonNode email) {
    static Item of(InboundItem i) {
      return new Item(
          i.emailId,
          i.mailboxId,
          i.threadId,
          i.state,
          i.reason,
          i.receivedAt,
          i.decidedBy,
          i.payload);
    }
  }

  private final InboundGate gate;
  private final CurrentCaller reviewer;
  private final ApprovalConfig config;

  public InboundResource(InboundGate gate, CurrentCaller reviewer, ApprovalConfig config) {
    this.gate = gate;
    this.reviewer = reviewer;
    this.config = config;
  }

  @GET
  @Operation(summary = "Inbound emails waiting for review, oldest first")
  public List<Item> held(@QueryParam("limit") Integer limit) {
    return gate.held(reviewer.get(), Params.limit(limit, config.maxPageSize())).stream()
        .map(Item::of)
        .toList();
  }

  @POST
  @Path("/{emailId}/release")
  @Operation(summary = "Release a held inbound email to the agents")
  public Item release(@PathParam("emailId") String emailId) {
    return Item.of(gate.release(Params.text("email_id", emailId), reviewer.get()));
  }

  @POST
  @Path("/{emailId}/reject")
  @Operation(summary = "Keep a held inbound email from the agents, with a reason")
  public Item reject(@PathParam("emailId") String emailId, ReviewBodies.Reject body) {
    return Item.of(
        gate.reject(
            Params.text("email_id", emailId), body == null ? null : body.reason(), reviewer.get()));
  }
}
