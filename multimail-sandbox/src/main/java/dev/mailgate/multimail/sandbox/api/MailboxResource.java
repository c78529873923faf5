package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.service.MailboxService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/mailboxes} and {@code GET /v1/mailboxes/{id}}. */
@Path("/v1/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

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
}
