package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.config.SandboxConfig;
import dev.mailgate.multimail.sandbox.domain.RateLimiter;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * API key check (Bearer, or X-API-Key which the spec also declares) and per-key rate limit on
 * {@code /v1/*}; the test controls under {@code /sandbox/*} answer 404 unless enabled.
 */
public class RequestFilters {

  private final Set<String> keys;
  private final boolean testControls;
  private final RateLimiter rateLimiter;
  private final UsageCounters usage;

  public RequestFilters(SandboxConfig config, RateLimiter rateLimiter, UsageCounters usage) {
    this.keys = Set.copyOf(config.apiKeys());
    this.testControls = config.testControls().enabled();
    this.rateLimiter = rateLimiter;
    this.usage = usage;
  }

  @ServerRequestFilter
  public Response filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/sandbox")) {
      return testControls ? null : ApiErrors.of(404, "Not found");
    }
    if (!path.startsWith("/v1/")) {
      return null;
    }
    String key = apiKey(request);
    if (key == null || !keys.contains(key)) {
      return ApiErrors.of(401, "Invalid or missing API key");
    }
    long wait = rateLimiter.acquire(key);
    if (wait > 0) {
      return ApiErrors.of(
          429,
          "Rate limit exceeded: at most "
              + rateLimiter.limit()
              + " requests per "
              + rateLimiter.length().toSeconds()
              + " s. Retry after "
              + wait
              + " s.",
          wait);
    }
    usage.apiCall();
    return null;
  }

  private static String apiKey(ContainerRequestContext request) {
    String authorization = request.getHeaderString("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    String header = request.getHeaderString("X-API-Key");
    return header == null ? null : header.trim();
  }
}
