package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.service.OversightService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The oversight queue: list held emails, approve or reject one. */
@Path("/v1/oversight")
@Produces(MediaType.APPLICATION_JSON)
public class OversightResource {

  /** Body of {@code POST /v1/oversight/decide}. */
  public record DecideBody(String emailId, String action, String reason) {}

  private final OversightService oversight;

  public OversightResource(OversightService oversight) {
    this.oversight = oversight;
  }

  @GET
  @Path("/pending")
  public Map<String, List<PendingView>> pending() {
    return Map.of("emails", oversight.pending().stream().map(PendingView::of).toList());
  }

  @POST
  @Path("/decide")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, String> decide(DecideBody body) {
    if (body == null) {
      throw SandboxException.badRequest("Request body is required");
    }
    return Map.of("status", oversight.decide(body.emailId(), body.action(), body.reason()));
  }
}
