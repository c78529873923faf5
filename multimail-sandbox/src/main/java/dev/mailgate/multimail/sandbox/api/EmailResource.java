package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.EmailPage;
import dev.mailgate.multimail.sandbox.service.InboxService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading a mailbox: list (with since_id polling), one email, one thread. */
@Path("/v1/mailboxes/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

  private final InboxService inbox;

  public EmailResource(InboxService inbox) {
    this.inbox = inbox;
  }

  @GET
  @Path("/emails")
  public Map<String, Object> list(
      @PathParam("id") String mailboxId,
      @QueryParam("direction") String direction,
      @QueryParam("status") String status,
      @QueryParam("since_id") String sinceId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    EmailPage page =
        inbox.list(
            mailboxId, direction, status, sinceId, QueryParams.integer("limit", limit), cursor);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("emails", page.emails().stream().map(EmailSummaryView::of).toList());
    body.put("cursor", page.cursor());
    return body;
  }

  @GET
  @Path("/emails/{emailId}")
  public EmailView get(@PathParam("id") String mailboxId, @PathParam("emailId") String emailId) {
    return EmailView.of(inbox.get(mailboxId, emailId));
  }

  @GET
  @Path("/threads/{threadId}")
  public ThreadView thread(
      @PathParam("id") String mailboxId, @PathParam("threadId") String threadId) {
    return ThreadView.of(threadId, inbox.thread(mailboxId, threadId));
  }
}
