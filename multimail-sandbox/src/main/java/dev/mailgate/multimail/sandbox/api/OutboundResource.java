package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.service.OutboundService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Send and reply. The {@code /emails/{email_id}/reply} form is an alias some pages show. */
@Path("/v1/mailboxes/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutboundResource {

  private final OutboundService outbound;

  public OutboundResource(OutboundService outbound) {
    this.outbound = outbound;
  }

  @POST
  @Path("/send")
  public Response send(@PathParam("id") String mailboxId, OutboundBodies.SendBody body) {
    return SendResponse.of(outbound.send(mailboxId, body == null ? null : body.toDraft()));
  }

  @POST
  @Path("/reply/{emailId}")
  public Response reply(
      @PathParam("id") String mailboxId,
      @PathParam("emailId") String emailId,
      OutboundBodies.ReplyBody body) {
    return SendResponse.of(
        outbound.reply(mailboxId, emailId, body == null ? null : body.toDraft()));
  }

  @POST
  @Path("/emails/{emailId}/reply")
  public Response replyAlias(
      @PathParam("id") String mailboxId,
      @PathParam("emailId") String emailId,
      OutboundBodies.ReplyBody body) {
    return reply(mailboxId, emailId, body);
  }
}
