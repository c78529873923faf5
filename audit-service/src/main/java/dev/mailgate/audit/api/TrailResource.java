package dev.mailgate.audit.api;

import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.service.AuditQueryService;
import dev.mailgate.audit.service.ThreadEntry;
import dev.mailgate.audit.service.TrailEntry;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.CurrentCaller;
import dev.mailgate.support.security.MailboxScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads of the trail, limited to the mailboxes in the caller's token. */
@Path("/audit")
@RolesAllowed({"reviewer", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trail", description = "who caused which email, and who approved it")
public class TrailResource {

  private final AuditQueryService query;
  private final CurrentCaller caller;
  private final AuditConfig config;

  public TrailResource(AuditQueryService query, CurrentCaller caller, AuditConfig config) {
    this.query = query;
    this.caller = caller;
    this.config = config;
  }

  @GET
  @Path("/events")
  @Operation(
      summary = "Events matching a filter",
      description = "Ordered by occurred_at then id; pass next_cursor as cursor for the next page.")
  public AuditQueryService.Page events(@BeanParam FilterParams params) {
    return query.search(params.toFilter(caller.get().scope(), config.query(), true));
  }

  @GET
  @Path("/intents/{intentId}/timeline")
  @Operation(summary = "One intent's timeline: intent, decisions, reviewer, outcome, in order")
  public Timeline timeline(@PathParam("intentId") String intentId) {
    String id = FilterParams.id("intent_id", intentId);
    List<TrailEntry> events = query.timeline(id, scope());
    if (events.isEmpty()) {
      throw ApiProblem.notFound("no events of this intent in the mailboxes of the token");
    }
    return new Timeline(id, events);
  }

  @GET
  @Path("/threads/{threadId}")
  @RolesAllowed({"reviewer", "admin", "agent"})
  @Operation(
      summary =
          "A thread's inbound and outbound mail in order, with who caused each email (agents too:"
              + " GetThread reads its own mailboxes' threads)",
      description =
          "A token of group agent alone sees only the released inbound mail its role (claim"
              + " role, else the subject) may read under the mail's read_grants, and the thread's"
              + " outbound steps only when it may read some of that mail or caused the email.")
  public ThreadView thread(@PathParam("threadId") String threadId) {
    String id = FilterParams.id("thread_id", threadId);
    Caller who = caller.get();
    boolean agentOnly = who.isAgent() && !who.isReviewer() && !who.isAdmin();
    List<ThreadEntry> entries =
        agentOnly
            ? query.threadForRole(id, scope(), List.of(caller.role()))
            : query.thread(id, scope());
    if (entries.isEmpty()) {
      throw ApiProblem.notFound(
          agentOnly
              ? "no events of this thread that the token's role may read in its mailboxes"
              : "no events of this thread in the mailboxes of the token");
    }
    return new ThreadView(id, entries);
  }

  private java.util.Set<String> scope() {
    MailboxScope scope = caller.get().scope();
    return scope.all() ? null : scope.mailboxes();
  }

  /** An intent's events in flow order. */
  public record Timeline(String intentId, List<TrailEntry> events) {}

  /** A thread's events in order. */
  public record ThreadView(String threadId, List<ThreadEntry> entries) {}
}
