package dev.mailgate.multimail.sandbox.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.domain.WebhookDelivery;
import dev.mailgate.multimail.sandbox.domain.WebhookSubscription;
import dev.mailgate.multimail.sandbox.service.WebhookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook subscriptions (no operator-approval step in the sandbox) and their deliveries. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  /** Body of {@code POST /v1/webhooks}. */
  public record WebhookBody(String url, List<String> events, String mailboxId) {}

  /** A subscription; the secret is shown on create and get, not in the list. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WebhookView(
      String id,
      String url,
      List<String> events,
      String mailboxId,
      String signingSecret,
      String createdAt) {

    static WebhookView of(WebhookSubscription s, boolean withSecret) {
      return new WebhookView(
          s.id(),
          s.url(),
          s.events(),
          s.mailboxId(),
          withSecret ? s.signingSecret() : null,
          s.createdAt().toString());
    }
  }

  private final WebhookService webhooks;

  public WebhookResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Path("/webhooks")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(WebhookBody body) {
    if (body == null) {
      throw SandboxException.badRequest("Request body is required");
    }
    WebhookSubscription created = webhooks.create(body.url(), body.events(), body.mailboxId());
    return Response.status(201).entity(WebhookView.of(created, true)).build();
  }

  @GET
  @Path("/webhooks")
  public Map<String, List<WebhookView>> list() {
    return Map.of(
        "subscriptions", webhooks.list().stream().map(s -> WebhookView.of(s, false)).toList());
  }

  @GET
  @Path("/webhooks/{id}")
  public WebhookView get(@PathParam("id") String id) {
    return WebhookView.of(webhooks.get(id), true);
  }

  @DELETE
  @Path("/webhooks/{id}")
  public Map<String, String> delete(@PathParam("id") String id) {
    webhooks.delete(id);
    return Map.of("status", "deleted");
  }

  @GET
  @Path("/webhook-deliveries")
  public Map<String, Object> deliveries() {
    List<Map<String, Object>> list =
        webhooks.deliveries().stream().map(WebhookResource::delivery).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliveries", list);
    body.put("cursor", null);
    return body;
  }

  private static Map<String, Object> delivery(WebhookDelivery d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", d.id());
    view.put("event_type", d.eventType());
    view.put("url", d.url());
    view.put("status", d.status());
    view.put("attempts", d.attempts());
    view.put("response_status", d.responseStatus());
    view.put("created_at", d.createdAt().toString());
    view.put("last_attempt_at", d.lastAttemptAt() == null ? null : d.lastAttemptAt().toString());
    return view;
  }
}
