package dev.mailgate.support.admin;

import dev.mailgate.outbox.deadletter.DeadLetter;
import dev.mailgate.outbox.deadletter.DeadLetterAdmin;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operators list the dead letters of the topics this service consumes and replay chosen ones (or
 * all) onto their original topic once the cause is fixed. Admin tokens; a dead letter is visible
 * only to a token whose mailboxes include its key (one without a key needs {@code *}).
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class DeadLetterResource {

  /** Which dead letters to replay: positions {@code partition:offset}, or every one. */
  public record ReplayRequest(List<String> records, Boolean all) {}

  private final DeadLetterAdmin admin;
  private final CurrentCaller caller;

  public DeadLetterResource(DeadLetterAdmin admin, CurrentCaller caller) {
    this.admin = admin;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "The dead-letter topics of this service and how many records each holds")
  public Map<String, Long> topics() {
    caller.get();
    return admin.counts();
  }

  @GET
  @Path("/{topic}")
  @Operation(summary = "Dead letters of a topic, oldest first, with their reasons")
  public List<DeadLetter> list(
      @PathParam("topic") String topic, @QueryParam("limit") @DefaultValue("100") int limit) {
    served(topic);
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("limit must be between 1 and 1000");
    }
    return admin.list(topic, limit, visible());
  }

  @GET
  @Path("/{topic}/{partition}/{offset}")
  @Operation(summary = "One dead letter with its whole value")
  public DeadLetter show(
      @PathParam("topic") String topic,
      @PathParam("partition") int partition,
      @PathParam("offset") long offset) {
    served(topic);
    return admin
        .show(topic, partition, offset, visible())
        .orElseThrow(() -> ApiProblem.notFound("no such dead letter in your mailboxes"));
  }

  @POST
  @Path("/{topic}/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replay dead letters onto their original topic (each replay applies once)")
  public DeadLetterAdmin.Replayed replay(@PathParam("topic") String topic, ReplayRequest request) {
    served(topic);
    boolean all = request != null && Boolean.TRUE.equals(request.all());
    List<String> records =
        request == null || request.records() == null ? List.of() : request.records();
    if (all == !records.isEmpty()) {
      throw ApiProblem.badRequest("give either records [\"partition:offset\", ...] or all: true");
    }
    if (records.size() > 1000) {
      throw ApiProblem.badRequest("at most 1000 records per replay");
    }
    List<DeadLetterAdmin.Position> positions;
    try {
      positions = records.stream().map(DeadLetterAdmin.Position::parse).toList();
    } catch (RuntimeException e) {
      throw ApiProblem.badRequest("records are partition:offset, e.g. 0:42");
    }
    return admin.replay(topic, positions, visible(), caller.get().subject());
  }

  private void served(String topic) {
    if (!admin.serves(topic)) {
      throw ApiProblem.notFound("this service keeps no dead-letter topic " + topic);
    }
  }

  private Predicate<String> visible() {
    Caller who = caller.get();
    return key -> key == null ? who.scope().all() : who.mayActOn(key);
  }
}
