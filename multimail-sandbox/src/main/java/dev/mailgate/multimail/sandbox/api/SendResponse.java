package dev.mailgate.multimail.sandbox.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mailgate.multimail.sandbox.service.OutboundService;
import jakarta.ws.rs.core.Response;

/** 202 {@code pending_scan} for a new email, 200 {@code already_sent} for a replay. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendResponse(
    String id, String status, String threadId, String message, Boolean idempotent) {

  static Response of(OutboundService.Accepted accepted) {
    if (accepted.replay()) {
      return Response.ok(new SendResponse(accepted.email().id(), "already_sent", null, null, true))
          .build();
    }
    return Response.accepted(
            new SendResponse(
                accepted.email().id(),
                "pending_scan",
                accepted.email().threadId(),
                "Email accepted and queued for scanning",
                null))
        .build();
  }
}
