package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.MonthlyQuota;
import dev.mailgate.multimail.sandbox.domain.RateLimiter;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.service.FaultInjector;
import dev.mailgate.multimail.sandbox.service.Faults;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** Test controls for faults on {@code /v1/*} and for the quota and rate limit. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FaultControlsResource {

  /** Faults to apply; omitted fields take the no-fault default. */
  public record FaultsBody(
      Double errorRate,
      Integer errorStatus,
      Long latencyMs,
      Integer throttleNext,
      Long retryAfterSeconds,
      Integer resetNext) {}

  /** Quota and rate limit; omitted fields keep their current value. */
  public record LimitsBody(
      Integer monthlyQuota,
      Integer emailsSentThisMonth,
      Integer rateLimitRequests,
      Long rateLimitWindowSeconds) {}

  private final FaultInjector faults;
  private final MonthlyQuota quota;
  private final RateLimiter rateLimiter;

  public FaultControlsResource(FaultInjector faults, MonthlyQuota quota, RateLimiter rateLimiter) {
    this.faults = faults;
    this.quota = quota;
    this.rateLimiter = rateLimiter;
  }

  @GET
  @Path("/faults")
  public Faults faults() {
    return faults.current();
  }

  @PUT
  @Path("/faults")
  public Faults setFaults(FaultsBody body) {
    if (body == null) {
      throw SandboxException.badRequest("Request body is required");
    }
    Faults none = Faults.NONE;
    faults.set(
        new Faults(
            or(body.errorRate(), none.errorRate()),
            or(body.errorStatus(), none.errorStatus()),
            or(body.latencyMs(), none.latencyMs()),
            or(body.throttleNext(), none.throttleNext()),
            or(body.retryAfterSeconds(), none.retryAfterSeconds()),
            or(body.resetNext(), none.resetNext())));
    return faults.current();
  }

  @DELETE
  @Path("/faults")
  public Faults clearFaults() {
    faults.clear();
    return faults.current();
  }

  @GET
  @Path("/limits")
  public LimitsBody limits() {
    return new LimitsBody(
        quota.limit(), quota.used(), rateLimiter.limit(), rateLimiter.length().toSeconds());
  }

  @PUT
  @Path("/limits")
  public LimitsBody setLimits(LimitsBody body) {
    if (body == null) {
      throw SandboxException.badRequest("Request body is required");
    }
    int limit = or(body.monthlyQuota(), quota.limit());
    int used = or(body.emailsSentThisMonth(), quota.used());
    int requests = or(body.rateLimitRequests(), rateLimiter.limit());
    long window = or(body.rateLimitWindowSeconds(), rateLimiter.length().toSeconds());
    if (limit < 0 || used < 0 || requests < 1 || window < 1) {
      throw SandboxException.badRequest("limits must be positive");
    }
    quota.set(limit, used);
    rateLimiter.configure(requests, Duration.ofSeconds(window));
    return limits();
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
