package dev.mailgate.inboxpoller;

import java.util.List;

/** The sandbox mailboxes the test app polls: one per test class, so classes never share mail. */
final class Mailboxes {

  static final String FLOW = "mbx_flow";
  static final String RESTART = "mbx_restart";
  static final String LEASE = "mbx_lease";
  static final String FAULT = "mbx_fault";

  /** Subscribed to the sandbox's signed webhooks; polled by its timer only hourly. */
  static final String HOOK = "mbx_hook";

  /** Not subscribed to webhooks, polled hourly: only a notification we post can wake it. */
  static final String QUIET = "mbx_quiet";

  static final List<String> ALL = List.of(FLOW, RESTART, LEASE, FAULT, HOOK, QUIET);

  private Mailboxes() {}
}
