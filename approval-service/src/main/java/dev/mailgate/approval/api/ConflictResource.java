package dev.mailgate.approval.api;

import dev.mailgate.approval.service.review.ReviewException;
import dev.mailgate.approval.service.review.ReviewQueries;
import dev.mailgate.approval.service.review.ReviewService;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Conflict groups: intents from several roles to the same people or thread, held together. */
@Path("/api/conflicts")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "conflicts")
@SecurityRequirement(name = "bearer")
public class ConflictResource {

  private final ReviewQueries queries;
  private final ReviewService reviews;
  private final CurrentCaller reviewer;

  public ConflictResource(ReviewQueries queries, ReviewService reviews, CurrentCaller reviewer) {
    this.queries = queries;
    this.reviews = reviews;
    this.reviewer = reviewer;
  }

  @GET
  @Path("/{conflictId}")
  @Operation(summary = "Every member of a conflict group, oldest first")
  public List<ReviewItem> get(@PathParam("conflictId") String conflictId) {
    List<ReviewItem> members =
        queries.conflictGroup(uuid(conflictId)).stream()
            .filter(i -> reviewer.get().mayActOn(i.mailboxId))
            .map(ReviewItem::of)
            .toList();
    if (members.isEmpty()) {
      throw new ReviewException(ReviewException.Kind.NOT_FOUND, "no conflict group " + conflictId);
    }
    return members;
  }

  @POST
  @Path("/{conflictId}/resolve")
  @Operation(
      summary =
          "Keep one or more members (approved); the other pending members are rejected as superseded")
  public List<ReviewItem> resolve(
      @PathParam("conflictId") String conflictId, ReviewBodies.Resolve body) {
    ReviewBodies.Resolve b = body == null ? new ReviewBodies.Resolve(List.of(), null) : body;
    return reviews.resolveConflict(uuid(conflictId), b.keep(), b.reason(), reviewer.get()).stream()
        .map(ReviewItem::of)
        .toList();
  }

  private static UUID uuid(String value) {
    Params.uuid("conflict_id", value);
    return UUID.fromString(value);
  }
}
