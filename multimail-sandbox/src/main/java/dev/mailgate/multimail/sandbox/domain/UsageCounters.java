package dev.mailgate.multimail.sandbox.domain;

import java.util.concurrent.atomic.AtomicLong;

/** What {@code GET /v1/usage} reports. */
public final class UsageCounters {

  private final AtomicLong emailsSent = new AtomicLong();
  private final AtomicLong emailsReceived = new AtomicLong();
  private final AtomicLong apiCalls = new AtomicLong();
  private final AtomicLong oversightActions = new AtomicLong();

  public void sent() {
    emailsSent.incrementAndGet();
  }

  public void received() {
    emailsReceived.incrementAndGet();
  }

  public void apiCall() {
    apiCalls.incrementAndGet();
  }

  public void oversightAction() {
    oversightActions.incrementAndGet();
  }

  public long emailsSent() {
    return emailsSent.get();
  }

  public long emailsReceived() {
    return emailsReceived.get();
  }

  public long apiCalls() {
    return apiCalls.get();
  }

  public long oversightActions() {
    return oversightActions.get();
  }

  public void clear() {
    emailsSent.set(0);
    emailsReceived.set(0);
    apiCalls.set(0);
    oversightActions.set(0);
  }
}
