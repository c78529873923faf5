package dev.mailgate.outbound.api;

import dev.mailgate.outbound.service.MailboxControl;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operators see paused mailboxes and resume them. Admin bearer tokens only, scoped to the token's
 * mailboxes.
 */
@Path("/api/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class MailboxResource {

  private static final Pattern MAILBOX_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final MailboxControl control;
  private final CurrentCaller caller;

  public MailboxResource(MailboxControl control, CurrentCaller caller) {
    this.control = control;
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
    if (!MAILBOX_ID.matcher(id).matches()) {
      throw ApiProblem.badRequest("mailbox id: 1-128 of letters, digits, . _ : -");
    }
    if (!caller.get().mayActOn(id)) {
      throw ApiProblem.forbidden("your token does not administer mailbox " + id);
    }
    return control.resume(id, caller.get().subject());
  }
}
