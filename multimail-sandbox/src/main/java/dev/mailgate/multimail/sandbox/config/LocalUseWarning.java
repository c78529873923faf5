package dev.mailgate.multimail.sandbox.config;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says at start what the sandbox is: a local stand-in for MultiMail whose test controls ({@code
 * /sandbox}, no authentication) let anyone who reaches it inject mail and faults, so it must never
 * be reachable from another machine.
 */
@ApplicationScoped
public class LocalUseWarning {

  void onStart(
      @Observes StartupEvent started,
      SandboxConfig config,
      @ConfigProperty(name = "quarkus.http.host") String host) {
    if (config.testControls().enabled()) {
      Log.warnf(
          "MultiMail sandbox: test controls are ON (/sandbox, no authentication) — for local use"
              + " only; listening on %s%s",
          host,
          isLoopback(host) ? "" : " — NOT loopback: anyone who reaches this host can use them");
    } else {
      Log.infof("MultiMail sandbox (local stand-in, not MultiMail) listening on %s", host);
    }
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
