package dev.mailgate.outbound.api;

import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.model.OversightMode;
import dev.mailgate.outbound.service.MailboxControl;
import dev.mailgate.outbound.service.ProviderModeChanges;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operators see paused mailboxes and resume them, and see and change the mailboxes' oversight modes
 * at MultiMail. Admin bearer tokens only, scoped to the token's mailboxes.
 */
@Path("/api/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class MailboxResource {

  private static final Pattern MAILBOX_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Body of a change of a mailbox's mode at MultiMail. */
  public record ModeRequest(String targetMode) {}

  /** Body of the confirmation of a raised mode: the code MultiMail emailed the operator. */
  public record ModeConfirmation(String code) {}

  private static final Pattern UPGRADE_CODE = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private final MailboxControl control;
  private final ProviderModeChanges providerModes;
  private final CurrentCaller caller;

  public MailboxResource(
      MailboxControl control, ProviderModeChanges providerModes, CurrentCaller caller) {
    this.control = control;
    this.providerModes = providerModes;
    this.caller = caller;
  }

  @GET
  @Path("/paused")
  @Operation(summary = "Mailboxes whose deliveries wait (rate limited or out of quota)")
  public List<MailboxControl.Paused> paused() {
    Caller who = caller.get();
    return control.paused().stream().filter(p -> who.mayActOn(p.mailboxId())).toList();
  }

  @POST
  @Path("/{id}/resume")
  @Operation(summary = "Lift a mailbox's pause and try its waiting deliveries now")
  public MailboxControl.Resumed resume(@PathParam("id") String id) {
    administered(id);
    return control.resume(id, caller.get().subject());
  }

  @GET
  @Path("/provider-modes")
  @Operation(
      summary = "The mailboxes' oversight modes at MultiMail",
      description =
          "warning says when MultiMail would hold (gated_send, gated_all) or refuse (read_only)"
              + " what MailGate approves.")
  public List<ProviderModeChanges.ProviderMode> providerModes() {
    Caller who = caller.get();
    return atMultiMail(() -> providerModes.list(who::mayActOn));
  }

  @POST
  @Path("/{id}/provider-mode")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a mailbox's oversight mode at MultiMail",
      description =
          "A lower mode applies at once. A higher one is requested: MultiMail emails the"
              + " account's operator a code, which POST .../provider-mode/confirm applies.")
  public ProviderModeChanges.Change changeProviderMode(
      @PathParam("id") String id, ModeRequest body) {
    administered(id);
    OversightMode target =
        body == null || body.targetMode() == null
            ? OversightMode.UNKNOWN
            : OversightMode.fromWire(body.targetMode());
    if (target == OversightMode.UNKNOWN) {
      throw ApiProblem.badRequest(
          "target_mode: one of read_only, gated_all, gated_send, monitored, autonomous");
    }
    return atMultiMail(() -> providerModes.change(id, target, caller.get().subject()));
  }

  @POST
  @Path("/{id}/provider-mode/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Apply a requested raise of the mode with the code MultiMail emailed")
  public ProviderModeChanges.ProviderMode confirmProviderMode(
      @PathParam("id") String id, ModeConfirmation body) {
    administered(id);
    if (body == null || body.code() == null || !UPGRADE_CODE.matcher(body.code()).matches()) {
      throw ApiProblem.badRequest("code: the code MultiMail emailed the operator (e.g. A7X-29K)");
    }
    return atMultiMail(() -> providerModes.confirm(id, body.code(), caller.get().subject()));
  }

  private void administered(String id) {
    if (!MAILBOX_ID.matcher(id).matches()) {
      throw ApiProblem.badRequest("mailbox id: 1-128 of letters, digits, . _ : -");
    }
    if (!caller.get().mayActOn(id)) {
      throw ApiProblem.forbidden("your token does not administer mailbox " + id);
    }
  }

  /** MultiMail's refusal becomes this API's (its status and words); its failure a 502. */
  private static <T> T atMultiMail(Supplier<T> request) {
    try {
      return request.get();
    } catch (MultiMailException e) {
      String reason = e.error().orElse(e.kind().name().toLowerCase(Locale.ROOT));
      if (e.kind() == MultiMailException.Kind.REFUSED) {
        throw new ApiProblem(e.status() == 404 ? 404 : 400, "MultiMail refused: " + reason);
      }
      throw new ApiProblem(502, "MultiMail did not answer as expected: " + reason);
    }
  }
}
