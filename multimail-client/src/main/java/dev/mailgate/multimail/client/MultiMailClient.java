package dev.mailgate.multimail.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.multimail.client.error.MultiMailApiException;
import dev.mailgate.multimail.client.error.MultiMailErrors;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.model.Account;
import dev.mailgate.multimail.client.model.Decision;
import dev.mailgate.multimail.client.model.DecisionResult;
import dev.mailgate.multimail.client.model.Email;
import dev.mailgate.multimail.client.model.EmailPage;
import dev.mailgate.multimail.client.model.EmailThread;
import dev.mailgate.multimail.client.model.Mailbox;
import dev.mailgate.multimail.client.model.OversightMode;
import dev.mailgate.multimail.client.model.PendingEmail;
import dev.mailgate.multimail.client.model.ReplyRequest;
import dev.mailgate.multimail.client.model.SendRequest;
import dev.mailgate.multimail.client.model.SendResult;
import dev.mailgate.multimail.client.model.Usage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Typed, thread-safe client for the MultiMail REST API over the JDK HTTP client. Every failure is a
 * {@link MultiMailException} subtype; ids are opaque strings. One instance per configuration.
 */
public final class MultiMailClient {

  private static final String USER_AGENT = "mailgate-multimail-client/0.1";

  private final MultiMailConfig config;
  private final HttpClient http;
  private final ObjectMapper json = MultiMailJson.mapper();

  public MultiMailClient(MultiMailConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(
                "https".equalsIgnoreCase(config.baseUrl().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .build();
  }

  public MultiMailConfig config() {
    return config;
  }

  public List<Mailbox> listMailboxes() {
    return get("/v1/mailboxes", new TypeReference<Map<String, List<Mailbox>>>() {})
        .getOrDefault("mailboxes", List.of());
  }

  public Mailbox getMailbox(String mailboxId) {
    return get("/v1/mailboxes/" + segment(mailboxId), Mailbox.class);
  }

  /** Lowers a mailbox's oversight mode ({@code PATCH}; MultiMail lowers without a code). */
  public void lowerMode(String mailboxId, OversightMode mode) {
    call(
        "PATCH",
        "/v1/mailboxes/" + segment(mailboxId),
        Map.of("oversight_mode", mode.wire()),
        JsonNode.class);
  }

  /**
   * Asks MultiMail to raise a mailbox's oversight mode: it emails the account's operator a code,
   * which {@link #upgrade} then applies (single use, 24 hours).
   */
  public void requestUpgrade(String mailboxId, OversightMode target) {
    call(
        "POST",
        "/v1/mailboxes/" + segment(mailboxId) + "/request-upgrade",
        Map.of("target_mode", target.wire()),
        JsonNode.class);
  }

  /** Applies a requested raise of the mode with the operator's code (403: wrong code). */
  public void upgrade(String mailboxId, String code) {
    call(
        "POST",
        "/v1/mailboxes/" + segment(mailboxId) + "/upgrade",
        Map.of("code", code),
        JsonNode.class);
  }

  /** Sends a new email; answers 202 {@code pending_scan} or 200 {@code already_sent} on replay. */
  public SendResult send(String mailboxId, SendRequest request) {
    return call("POST", "/v1/mailboxes/" + segment(mailboxId) + "/send", request, SendResult.class);
  }

  /** Replies to {@code emailId}; MultiMail derives recipient, subject and thread. */
  public SendResult reply(String mailboxId, String emailId, ReplyRequest request) {
    String path = "/v1/mailboxes/" + segment(mailboxId) + "/reply/" + segment(emailId);
    return call("POST", path, request, SendResult.class);
  }

  public EmailPage listEmails(String mailboxId, EmailQuery query) {
    String path = "/v1/mailboxes/" + segment(mailboxId) + "/emails" + queryString(query);
    return get(path, EmailPage.class);
  }

  /** Reads one email with its body; MultiMail marks an unread email read. */
  public Email getEmail(String mailboxId, String emailId) {
    return get("/v1/mailboxes/" + segment(mailboxId) + "/emails/" + segment(emailId), Email.class);
  }

  public EmailThread getThread(String mailboxId, String threadId) {
    return get(
        "/v1/mailboxes/" + segment(mailboxId) + "/threads/" + segment(threadId), EmailThread.class);
  }

  /**
   * The oversight queue (the spec names the list {@code emails}, the Python SDK {@code pending}).
   */
  public List<PendingEmail> listPending() {
    JsonNode body = get("/v1/oversight/pending", JsonNode.class);
    JsonNode list = body.has("emails") ? body.get("emails") : body.path("pending");
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    return convert(
        "GET /v1/oversight/pending", list, new TypeReference<List<PendingEmail>>() {}, body);
  }

  public DecisionResult decide(String emailId, Decision action, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email_id", emailId);
    body.put("action", action);
    if (reason != null) {
      body.put("reason", reason);
    }
    return call("POST", "/v1/oversight/decide", body, DecisionResult.class);
  }

  public Account getAccount() {
    return get("/v1/account", Account.class);
  }

  public Usage getUsage() {
    return get("/v1/usage", Usage.class);
  }

  private <T> T get(String path, Class<T> type) {
    return call("GET", path, null, json.constructType(type));
  }

  private <T> T get(String path, TypeReference<T> type) {
    return call("GET", path, null, json.constructType(type));
  }

  private <T> T call(String method, String path, Object body, Class<T> type) {
    return call(method, path, body, json.constructType(type));
  }

  private <T> T call(String method, String path, Object body, JavaType type) {
    String name = method + " " + path;
    HttpRequest request = request(method, path, body);
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw MultiMailErrors.fromTransport(name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MultiMailErrors.fromTransport(name, new java.io.InterruptedIOException("interrupted"));
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      throw MultiMailErrors.fromResponse(name, status, response.body(), retryAfter);
    }
    try {
      return json.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new MultiMailApiException(
          "Unreadable answer " + status + " to " + name + ": " + e.getOriginalMessage(),
          status,
          null,
          null,
          e);
    }
  }

  private HttpRequest request(String method, String path, Object body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(resolve(path))
            .timeout(config.requestTimeout())
            .header("Authorization", "Bearer " + config.apiKey())
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT);
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      byte[] bytes = json.writeValueAsBytes(body);
      return builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise request for " + path, e);
    }
  }

  private <T> T convert(String name, JsonNode node, TypeReference<T> type, JsonNode whole) {
    try {
      return json.convertValue(node, type);
    } catch (IllegalArgumentException e) {
      throw new MultiMailApiException(
          "Unreadable answer to " + name + ": " + whole.toString().length() + " chars",
          200,
          null,
          null,
          e);
    }
  }

  private URI resolve(String path) {
    String base = config.baseUrl().toString();
    return URI.create(
        base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
  }

  private static String segment(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    return encode(id);
  }

  private static String queryString(EmailQuery query) {
    Map<String, String> parameters = (query == null ? EmailQuery.ALL : query).parameters();
    if (parameters.isEmpty()) {
      return "";
    }
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
