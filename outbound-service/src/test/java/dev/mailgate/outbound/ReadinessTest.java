package dev.mailgate.outbound;

import dev.mailgate.testsupport.ManagementInterfaceContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@OutboundTestResources
class ReadinessTest extends ManagementInterfaceContract {

  @Override
  protected String readinessCheck() {
    return "multimail";
  }

  @Override
  protected String ownMetric() {
    return "mailgate_outbound_paused_mailboxes";
  }
}
