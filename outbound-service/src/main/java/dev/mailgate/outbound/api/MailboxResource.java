package dev.mailgate.outbound.api;

import dev.mailgate.outbound.service.MailboxControl;
import dev.mailgate.support.problem.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators see paused mailboxes and resume them. Admin bearer tokens only. */
@Path("/api/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class MailboxResource {

  private static final Pattern MAILBOX_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final MailboxControl control;

  public MailboxResource(MailboxControl control) {
    this.control = control;
  }

  @GET
  @Path("/paused")
  @Operation(summary = "Mailboxes whose deliveries wait (rate limited or out of quota)")
  public List<MailboxControl.Paused> paused() {
    return control.paused();
  }

  @POST
  @Path("/{id}/resume")
  @Operation(summary = "Lift a mailbox's pause and try its waiting deliveries now")
  public MailboxControl.Resumed resume(@PathParam("id") String id, SecurityContext security) {
    if (!MAILBOX_ID.matcher(id).matches()) {
      throw ApiProblem.badRequest("mailbox id: 1-128 of letters, digits, . _ : -");
    }
    return control.resume(id, security.getUserPrincipal().getName());
  }
}
