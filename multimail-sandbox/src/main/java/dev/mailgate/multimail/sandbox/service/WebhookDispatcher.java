package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.config.SandboxConfig;
import dev.mailgate.multimail.sandbox.domain.Hashing;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts signed webhook bodies: {@code X-MultiMail-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body, keyed by the signing secret string>}. A non-2xx answer or a transport failure is retried up
 * to {@code maxRetries} times, the wait doubling from {@code initialBackoff}.
 */
@ApplicationScoped
public class WebhookDispatcher {

  /**
   * Told after every attempt: status {@code pending} (will retry), {@code delivered}, {@code
   * failed}.
   */
  public interface Listener {
    void attempted(String status, Integer responseStatus);
  }

  /** One webhook POST to make. */
  public record Post(String url, String secret, String event, String deliveryId, byte[] body) {}

  private final SandboxConfig.Webhooks config;
  private final HttpClient http;
  private final AtomicLong generation = new AtomicLong();
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
          });

  public WebhookDispatcher(SandboxConfig config) {
    this.config = config.webhooks();
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(this.config.timeout())
            .build();
  }

  public void dispatch(Post post, Listener listener) {
    long current = generation.get();
    executor.execute(() -> attempt(post, listener, 0, current));
  }

  /** Drops every retry still scheduled (used by reset). */
  public void cancelAll() {
    generation.incrementAndGet();
  }

  private void attempt(Post post, Listener listener, int retry, long startedIn) {
    if (generation.get() != startedIn) {
      return;
    }
    Integer status = null;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(post.url()))
              .timeout(config.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "MultiMail-Sandbox-Webhooks/1.0")
              .header("X-MultiMail-Event", post.event())
              .header("X-MultiMail-Delivery", post.deliveryId())
              .header(
                  "X-MultiMail-Signature",
                  "sha256=" + Hashing.hmacSha256Hex(post.secret(), post.body()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      Log.debugf("Webhook %s to %s failed: %s", post.deliveryId(), post.url(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    boolean delivered = status != null && status >= 200 && status < 300;
    boolean last = delivered || retry >= config.maxRetries();
    listener.attempted(delivered ? "delivered" : last ? "failed" : "pending", status);
    if (!last) {
      long wait = config.initialBackoff().toMillis() << retry;
      executor.schedule(
          () -> attempt(post, listener, retry + 1, startedIn), wait, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
