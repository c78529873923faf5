package dev.mailgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the bench's mailboxes through the operators' own APIs: at the sandbox (when its test
 * controls are on) and at approval-service, where raising one to autonomous is confirmed by a
 * second administrator (two-person rule), with a grant for the bench's role and no per-role cap.
 */
final class BenchMailboxes {

  static final String ROLE = "BenchAgent";
  static final String REVIEW_MAILBOX = "mbx_bench_review";

  private final Api api;
  private final BenchOptions.Stack stack;

  BenchMailboxes(Api api, BenchOptions.Stack stack) {
    this.api = api;
    this.stack = stack;
  }

  /** The ids of the autonomous mailboxes for a run over {@code count} mailboxes. */
  static List<String> autonomous(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      ids.add("mbx_bench_" + i);
    }
    return ids;
  }

  /** Creates (or keeps) each mailbox in the given mode. */
  void prepare(List<String> ids, String mode) {
    for (String id : ids) {
      String address = id.replace('_', '-') + "@sandbox.multimail.local";
      if (!stack.sandboxUrl().isEmpty()) {
        api.call(
                "PUT",
                stack.sandboxUrl() + "/sandbox/mailboxes/" + id,
                null,
                Map.of("address", address, "oversight_mode", "autonomous"))
            .expect(200);
      }
      Api.Answer put =
          api.call(
                  "PUT",
                  stack.approvalUrl() + "/api/mailboxes/" + id,
                  stack.adminTokens().get(0),
                  Map.of(
                      "address",
                      address,
                      "oversight_mode",
                      mode,
                      "role_sends_per_hour",
                      0,
                      "recipient_cooldown",
                      "PT0S",
                      "review_ttl",
                      "P7D"))
              .expect(200, 202);
      if (put.status() == 202) {
        String confirm = put.body().path("pending_raise").path("confirm").asText();
        if (confirm.isEmpty()) {
          confirm = put.body().path("pending").path("confirm").asText();
        }
        if (confirm.isEmpty()) {
          throw new IllegalStateException(
              "no confirmation link for the raise of " + id + ": " + put.body());
        }
        api.call("POST", stack.approvalUrl() + confirm, stack.adminTokens().get(1), null)
            .expect(200);
      }
      api.call(
              "PUT",
              stack.approvalUrl() + "/api/mailboxes/" + id + "/grants/" + ROLE,
              stack.adminTokens().get(0),
              Map.of("send", true, "read", true))
          .expect(200);
    }
  }
}
