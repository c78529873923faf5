package dev.mailgate.inboxpoller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.testsupport.FreePorts;
import dev.mailgate.testsupport.SandboxProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the poller at the sandbox process: its mailboxes, a raised rate limit (six mailboxes
 * polled every 200 ms), and a webhook subscription for {@link Mailboxes#HOOK} aimed at the app's
 * fixed test port, whose signing secret the app is given.
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    SandboxProcess sandbox = SandboxProcess.shared();
    sandbox.call("PUT", "/sandbox/limits", "{\"rate_limit_requests\": 1000000}");
    for (String mailbox : Mailboxes.ALL) {
      sandbox.call(
          "PUT",
          "/sandbox/mailboxes/" + mailbox,
          "{\"address\": \"" + mailbox + "@sandbox.local\", \"oversight_mode\": \"autonomous\"}");
    }
    int port = FreePorts.next();
    String created =
        sandbox.call(
            "POST",
            "/v1/webhooks",
            "{\"url\": \"http://127.0.0.1:"
                + port
                + "/webhooks/multimail\", \"events\": [\"email.received\"], \"mailbox_id\": \""
                + Mailboxes.HOOK
                + "\"}");
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.http.test-port", Integer.toString(port));
    config.put("mailgate.multimail.base-url", sandbox.baseUrl());
    config.put("mailgate.multimail.api-key", SandboxProcess.API_KEY);
    config.put("mailgate.poller.mailboxes", String.join(",", Mailboxes.ALL));
    config.put("mailgate.poller.webhook.signing-secret", secret(created));
    for (String hourly : new String[] {Mailboxes.HOOK, Mailboxes.QUIET}) {
      config.put("mailgate.poller.overrides.\"" + hourly + "\".interval", "1h");
    }
    return config;
  }

  @Override
  public void stop() {
    // The sandbox is shared by the JVM and stops with it.
  }

  private static String secret(String created) {
    try {
      JsonNode subscription = EventJson.mapper().readTree(created);
      return subscription.path("signing_secret").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
