package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.domain.OversightMode;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.service.MailboxService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/mailboxes}, {@code GET /v1/mailboxes/{id}}, and a mailbox's oversight mode: {@code
 * PATCH} lowers it, {@code request-upgrade} then {@code upgrade} with the operator's code raises
 * it.
 */
@Path("/v1/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

  /** Body of {@code PATCH /v1/mailboxes/{id}} (the mode only; other settings are not modelled). */
  public record PatchBody(String oversightMode) {}

  /** Body of {@code POST /v1/mailboxes/{id}/request-upgrade}. */
  public record UpgradeRequestBody(String targetMode) {}

  /** Body of {@code POST /v1/mailboxes/{id}/upgrade}. */
  public record UpgradeBody(String code) {}

  private final MailboxService mailboxes;

  public MailboxResource(MailboxService mailboxes) {
    this.mailboxes = mailboxes;
  }

  @GET
  public Map<String, List<Map<String, Object>>> list() {
    return Map.of("mailboxes", mailboxes.list().stream().map(MailboxView::of).toList());
  }

  @GET
  @Path("/{id}")
  public Map<String, Object> get(@PathParam("id") String id) {
    return MailboxView.of(mailboxes.get(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, String> patch(@PathParam("id") String id, PatchBody body) {
    if (body == null || body.oversightMode() == null) {
      throw SandboxException.badRequest("oversight_mode is required");
    }
    mailboxes.lowerMode(id, mode(body.oversightMode()));
    return Map.of("status", "updated");
  }

  @POST
  @Path("/{id}/request-upgrade")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, String> requestUpgrade(@PathParam("id") String id, UpgradeRequestBody body) {
    if (body == null || body.targetMode() == null) {
      throw SandboxException.badRequest("target_mode is required");
    }
    MailboxService.PendingUpgrade pending = mailboxes.requestUpgrade(id, mode(body.targetMode()));
    return Map.of(
        "status",
        "upgrade_requested",
        "target_mode",
        pending.target().wire(),
        "message",
        "A code was emailed to the operator");
  }

  @POST
  @Path("/{id}/upgrade")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, String> upgrade(@PathParam("id") String id, UpgradeBody body) {
    Mailbox mailbox = mailboxes.upgrade(id, body == null ? null : body.code());
    return Map.of("status", "upgraded", "oversight_mode", mailbox.mode().wire());
  }

  private static OversightMode mode(String wire) {
    return OversightMode.fromWire(wire)
        .orElseThrow(() -> SandboxException.badRequest("Invalid oversight mode: " + wire));
  }
}
