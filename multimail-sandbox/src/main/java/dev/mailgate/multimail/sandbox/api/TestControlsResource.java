package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.DeliveryLog;
import dev.mailgate.multimail.sandbox.domain.Email;
import dev.mailgate.multimail.sandbox.domain.OutboundValidator;
import dev.mailgate.multimail.sandbox.domain.OversightMode;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.service.InboundDraft;
import dev.mailgate.multimail.sandbox.service.InboxService;
import dev.mailgate.multimail.sandbox.service.MailboxService;
import dev.mailgate.multimail.sandbox.service.ResetService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test controls (off unless {@code sandbox.test-controls.enabled}): inject, inspect, reset. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestControlsResource {

  /** An inbound email to inject. */
  public record InboundBody(
      String mailboxId,
      String from,
      List<String> to,
      String subject,
      String markdown,
      String threadId,
      String inReplyTo) {}

  /** A mailbox to create or change. */
  public record MailboxBody(String address, String displayName, String oversightMode) {}

  private final InboxService inbox;
  private final MailboxService mailboxes;
  private final DeliveryLog deliveries;
  private final ResetService reset;

  public TestControlsResource(
      InboxService inbox, MailboxService mailboxes, DeliveryLog deliveries, ResetService reset) {
    this.inbox = inbox;
    this.mailboxes = mailboxes;
    this.deliveries = deliveries;
    this.reset = reset;
  }

  @POST
  @Path("/inbound")
  public Response inbound(InboundBody body) {
    if (body == null) {
      throw SandboxException.badRequest("Request body is required");
    }
    Email email =
        inbox.receive(
            new InboundDraft(
                body.mailboxId(),
                body.from(),
                body.to(),
                body.subject(),
                body.markdown(),
                body.threadId(),
                body.inReplyTo()));
    Map<String, String> created = new LinkedHashMap<>();
    created.put("id", email.id());
    created.put("thread_id", email.threadId());
    created.put("status", email.status().wire());
    return Response.status(201).entity(created).build();
  }

  @PUT
  @Path("/mailboxes/{id}")
  public Map<String, Object> mailbox(@PathParam("id") String id, MailboxBody body) {
    if (body == null || !OutboundValidator.isAddress(body.address())) {
      throw SandboxException.badRequest("address is required");
    }
    OversightMode mode =
        OversightMode.fromWire(body.oversightMode() == null ? "gated_send" : body.oversightMode())
            .orElseThrow(() -> SandboxException.badRequest("unknown oversight_mode"));
    return MailboxView.of(mailboxes.upsert(id, body.address(), body.displayName(), mode));
  }

  /** The code MultiMail would have emailed the operator for a requested raise of the mode. */
  @GET
  @Path("/mailboxes/{id}/upgrade-code")
  public Map<String, String> upgradeCode(@PathParam("id") String id) {
    MailboxService.PendingUpgrade pending =
        mailboxes
            .pendingUpgrade(id)
            .orElseThrow(() -> SandboxException.notFound("No pending upgrade request"));
    return Map.of("code", pending.code(), "target_mode", pending.target().wire());
  }

  @GET
  @Path("/deliveries")
  public Map<String, Object> deliveries() {
    return Map.of("deliveries", deliveries.all());
  }

  /** How many times each idempotency key and each content (SHA-256 of markdown) was delivered. */
  @GET
  @Path("/deliveries/counts")
  public Map<String, Object> counts() {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("total", deliveries.all().size());
    counts.put("by_idempotency_key", deliveries.countByIdempotencyKey());
    counts.put("by_content_sha256", deliveries.countByContent());
    return counts;
  }

  @POST
  @Path("/reset")
  @Consumes(MediaType.WILDCARD)
  public Response reset() {
    reset.reset();
    return Response.noContent().build();
  }
}
