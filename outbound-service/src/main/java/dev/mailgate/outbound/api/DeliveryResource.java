package dev.mailgate.outbound.api;

import dev.mailgate.outbound.service.UnknownDeliveries;
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
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators resolve deliveries whose outcome is unknown. Admin bearer tokens only. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeliveryResource {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** The decision: {@code delivered}, {@code resend} or {@code failed}, and why. */
  public record Resolve(String action, String providerEmailId, String reason) {}

  private final UnknownDeliveries unknown;
  private final CurrentCaller caller;

  public DeliveryResource(UnknownDeliveries unknown, CurrentCaller caller) {
    this.unknown = unknown;
    this.caller = caller;
  }

  @GET
  @Path("/unknown")
  @Operation(
      summary =
          "Deliveries of the token's mailboxes that may have reached MultiMail and wait for a"
              + " decision")
  public List<UnknownDeliveries.Waiting> unknown(
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("limit must be between 1 and 1000");
    }
    Caller who = caller.get();
    return unknown.list(limit).stream().filter(w -> who.mayActOn(w.mailboxId())).toList();
  }

  @POST
  @Path("/{intentId}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Resolve an unknown delivery: delivered, resend or failed")
  public void resolve(@PathParam("intentId") String intentId, Resolve body) {
    if (!ID.matcher(intentId).matches()) {
      throw ApiProblem.badRequest("intent id: 1-128 of letters, digits, . _ : -");
    }
    if (body == null || body.action() == null) {
      throw ApiProblem.badRequest("action is required: delivered, resend or failed");
    }
    UnknownDeliveries.Resolution resolution;
    try {
      resolution = UnknownDeliveries.Resolution.valueOf(body.action().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("action must be delivered, resend or failed");
    }
    if (body.reason() != null && body.reason().length() > 2_000) {
      throw ApiProblem.badRequest("reason is longer than 2,000 characters");
    }
    unknown.resolve(
        intentId,
        resolution,
        body.providerEmailId(),
        body.reason(),
        caller.get().subject(),
        caller.get()::mayActOn);
  }
}
