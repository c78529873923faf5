package dev.mailgate.support.admin;

import dev.mailgate.outbox.OutboxStore;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Records this service produced that the broker refused for good (set aside so they never block the
 * ones behind them): operators see them and put one back once the broker takes it (e.g. after
 * raising {@code message.max.bytes}). Admin tokens for every mailbox ({@code *}).
 */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class ParkedOutboxResource {

  /** A parked record as operators see it. */
  public record Parked(
      long id,
      String topic,
      String key,
      String eventId,
      String eventType,
      int size,
      Instant parkedAt,
      String error) {}

  private final DataSource dataSource;
  private final CurrentCaller caller;
  private final OutboxStore store = new OutboxStore();

  public ParkedOutboxResource(DataSource dataSource, CurrentCaller caller) {
    this.dataSource = dataSource;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "Records the broker refused for good, oldest first")
  public List<Parked> list() throws SQLException {
    everyMailbox();
    try (Connection connection = dataSource.getConnection()) {
      return store.parked(connection, 500).stream()
          .map(
              p ->
                  new Parked(
                      p.id(),
                      p.message().topic(),
                      p.message().key(),
                      p.message().eventId().toString(),
                      p.message().eventType(),
                      p.message().payload().length,
                      p.parkedAt(),
                      p.error()))
          .toList();
    }
  }

  @POST
  @Path("/{id}/requeue")
  @Operation(summary = "Put a parked record back at the end of the outbox")
  public void requeue(@PathParam("id") long id) throws SQLException {
    everyMailbox();
    boolean found;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      found = store.requeue(connection, id);
      connection.commit();
    }
    if (!found) {
      throw ApiProblem.notFound("no parked record " + id);
    }
  }

  private void everyMailbox() {
    if (!caller.get().scope().all()) {
      throw ApiProblem.forbidden("parked records span mailboxes: this needs the * mailbox grant");
    }
  }
}
