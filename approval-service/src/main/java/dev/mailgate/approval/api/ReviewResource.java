package dev.mailgate.approval.api;

import dev.mailgate.approval.config.ApprovalConfig;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.service.review.Cursor;
import dev.mailgate.approval.service.review.Edits;
import dev.mailgate.approval.service.review.ReviewException;
import dev.mailgate.approval.service.review.ReviewFilter;
import dev.mailgate.approval.service.review.ReviewQueries;
import dev.mailgate.approval.service.review.ReviewService;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.CurrentCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review queue: list, inspect, approve (with edits), reject, decide in bulk. */
@Path("/api/reviews")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "reviews")
@SecurityRequirement(name = "bearer")
public class ReviewResource {

  private final ReviewQueries queries;
  private final ReviewService reviews;
  private final CurrentCaller reviewer;
  private final ApprovalConfig config;

  public ReviewResource(
      ReviewQueries queries, ReviewService reviews, CurrentCaller reviewer, ApprovalConfig config) {
    this.queries = queries;
    this.reviews = reviews;
    this.reviewer = reviewer;
    this.config = config;
  }

  @GET
  @Operation(
      summary =
          "Items waiting for review (or, with view=monitored, sent items to review afterwards), oldest first")
  public ReviewBodies.Page<ReviewItem> list(
      @QueryParam("view") String view,
      @QueryParam("mailbox") String mailbox,
      @QueryParam("role") String role,
      @QueryParam("team") String team,
      @QueryParam("conflict_id") String conflictId,
      @QueryParam("after") String after,
      @QueryParam("limit") Integer limit) {
    Params.text("mailbox", mailbox);
    Params.text("role", role);
    Params.text("team", team);
    Params.uuid("conflict_id", conflictId);
    if (view != null && !view.equals("pending") && !view.equals("monitored")) {
      throw ApiProblem.badRequest("view must be pending or monitored");
    }
    ReviewFilter filter =
        new ReviewFilter(
            "monitored".equals(view), mailbox, role, team, conflictId, reviewer.get().scope());
    if (mailbox != null && !reviewer.get().mayActOn(mailbox)) {
      throw new ReviewException(
          ReviewException.Kind.FORBIDDEN, "you do not review mailbox " + mailbox);
    }
    Optional<Cursor> cursor =
        after == null ? Optional.empty() : Optional.of(Cursor.decode(Params.text("after", after)));
    ReviewQueries.Page page =
        queries.list(filter, cursor, Params.limit(limit, config.maxPageSize()));
    return new ReviewBodies.Page<>(
        page.items().stream().map(ReviewItem::of).toList(),
        page.next().map(Cursor::encode).orElse(null));
  }

  @GET
  @Path("/{intentId}")
  @Operation(summary = "One item with its conflict group and the other intents of its thread")
  public ReviewBodies.Detail get(@PathParam("intentId") String intentId) {
    Intent intent =
        queries
            .find(Params.text("intent_id", intentId))
            .filter(i -> reviewer.get().mayActOn(i.mailboxId))
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.NOT_FOUND,
                        "no intent " + intentId + " in your mailboxes"));
    List<ReviewItem> group =
        intent.conflictId == null
            ? List.of()
            : queries.conflictGroup(intent.conflictId).stream()
                .filter(i -> !i.intentId.equals(intentId))
                .map(ReviewItem::of)
                .toList();
    return new ReviewBodies.Detail(
        ReviewItem.of(intent), group, queries.thread(intent).stream().map(ReviewItem::of).toList());
  }

  @POST
  @Path("/{intentId}/approve")
  @Operation(summary = "Approve, optionally with edits to subject, body and recipients (recorded)")
  public ReviewItem approve(@PathParam("intentId") String intentId, ReviewBodies.Approve body) {
    ReviewBodies.Approve b =
        body == null ? new ReviewBodies.Approve(null, null, null, null, null, null) : body;
    Edits edits = new Edits(b.subject(), b.markdown(), b.to(), b.cc(), b.bcc());
    return ReviewItem.of(
        reviews.approve(Params.text("intent_id", intentId), edits, b.reason(), reviewer.get()));
  }

  @POST
  @Path("/{intentId}/reject")
  @Operation(summary = "Reject with a reason that goes back to the agent")
  public ReviewItem reject(@PathParam("intentId") String intentId, ReviewBodies.Reject body) {
    return ReviewItem.of(
        reviews.reject(
            Params.text("intent_id", intentId),
            body == null ? null : body.reason(),
            reviewer.get()));
  }

  @POST
  @Path("/{intentId}/acknowledge")
  @Operation(
      summary =
          "Acknowledge a monitored email after it was sent (it leaves view=monitored), with an optional note")
  public ReviewItem acknowledge(
      @PathParam("intentId") String intentId, ReviewBodies.Acknowledge body) {
    return ReviewItem.of(
        reviews.acknowledge(
            Params.text("intent_id", intentId), body == null ? null : body.note(), reviewer.get()));
  }

  @POST
  @Path("/bulk")
  @Operation(
      summary =
          "Approve, reject or acknowledge (monitored mail) many items; each has its own result")
  public List<ReviewBodies.BulkResult> bulk(ReviewBodies.Bulk body) {
    if (body == null
        || body.intentIds() == null
        || body.intentIds().isEmpty()
        || body.intentIds().size() > 500) {
      throw ApiProblem.badRequest("intent_ids must list 1 to 500 intents");
    }
    if (!List.of("approve", "reject", "acknowledge").contains(body.action())) {
      throw ApiProblem.badRequest("action must be approve, reject or acknowledge");
    }
    List<ReviewBodies.BulkResult> results = new ArrayList<>();
    for (String id : body.intentIds()) {
      results.add(one(body.action(), id, body.reason()));
    }
    return results;
  }

  private ReviewBodies.BulkResult one(String action, String intentId, String reason) {
    try {
      Intent intent =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      switch (action) {
                        case "approve" ->
                            reviews.approve(intentId, Edits.none(), reason, reviewer.get());
                        case "acknowledge" -> reviews.acknowledge(intentId, reason, reviewer.get());
                        default -> reviews.reject(intentId, reason, reviewer.get());
                      });
      return new ReviewBodies.BulkResult(intentId, 200, intent.state.wire(), null);
    } catch (ReviewException e) {
      return new ReviewBodies.BulkResult(intentId, e.kind().status, null, e.getMessage());
    }
  }
}
