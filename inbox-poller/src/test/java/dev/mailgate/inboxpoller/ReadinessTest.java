package dev.mailgate.inboxpoller;

import dev.mailgate.testsupport.ManagementInterfaceContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@PollerTestResources
class ReadinessTest extends ManagementInterfaceContract {

  @Override
  protected String readinessCheck() {
    return "Database connections health check";
  }
}
