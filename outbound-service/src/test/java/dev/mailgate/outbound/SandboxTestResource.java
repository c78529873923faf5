package dev.mailgate.outbound;

import dev.mailgate.testsupport.SandboxProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the service at the JVM's sandbox process (the packaged MultiMail sandbox). */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    SandboxProcess sandbox = SandboxProcess.shared();
    return Map.of(
        "mailgate.multimail.base-url",
        sandbox.baseUrl(),
        "mailgate.multimail.api-key",
        SandboxProcess.API_KEY);
  }

  @Override
  public void stop() {
    // Shared by every test of the JVM; it stops when the JVM exits.
  }
}
