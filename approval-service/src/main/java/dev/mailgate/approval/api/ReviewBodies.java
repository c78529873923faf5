package dev.mailgate.approval.api;

import java.util.List;

/** Request and response bodies of the review API. */
public final class ReviewBodies {

  private ReviewBodies() {}

  /** Approve, optionally with edits to subject, body and recipients. */
  public record Approve(
      String subject,
      String markdown,
      List<String> to,
      List<String> cc,
      List<String> bcc,
      String reason) {}

  /** Reject with the reason the agent is told. */
  public record Reject(String reason) {}

  /** Acknowledge a monitored email after it was sent, optionally with a note for the trail. */
  public record Acknowledge(String note) {}

  /** The same decision for many items; each gets its own result. */
  public record Bulk(String action, List<String> intentIds, String reason) {}

  /** One item's result in a bulk decision. */
  public record BulkResult(String intentId, int status, String state, String error) {}

  /** Keep some members of a conflict group; the other pending ones are rejected as superseded. */
  public record Resolve(List<String> keep, String reason) {}

  /** A page of a listing. */
  public record Page<T>(List<T> items, String next) {}

  /** One item with the rest of its conflict group and its thread. */
  public record Detail(ReviewItem item, List<ReviewItem> conflictGroup, List<ReviewItem> thread) {}
}
