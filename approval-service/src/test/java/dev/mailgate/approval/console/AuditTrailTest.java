package dev.mailgate.approval.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The chain badge reads audit-service's verification report as a reviewer would want it said. */
class AuditTrailTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anIntactChainSaysHowManyEventsAndWhereItIsAnchored() throws Exception {
    Models.Chain chain =
        AuditTrail.badge(
            JSON.readTree(
                "{\"chain\":\"mbx_a\",\"intact\":true,\"rows_checked\":42,\"head_position\":42,"
                    + "\"anchored_position\":40}"));
    assertThat(chain.status()).isEqualTo("intact");
    assertThat(chain.text()).isEqualTo("Chain intact: 42 events verified, anchored at 40");
  }

  @Test
  void aBrokenChainSaysWhatBrokeAndWhere() throws Exception {
    Models.Chain chain =
        AuditTrail.badge(
            JSON.readTree(
                "{\"intact\":false,\"rows_checked\":6,\"first_break\":{\"kind\":\"missing\","
                    + "\"position\":7,\"detail\":\"rows 7-9 are gone\"}}"));
    assertThat(chain.status()).isEqualTo("broken");
    assertThat(chain.text()).isEqualTo("Chain BROKEN: missing at position 7 (rows 7-9 are gone)");
  }

  @Test
  void aReportWithoutAnAnchorSaysSo() throws Exception {
    assertThat(AuditTrail.badge(JSON.readTree("{\"intact\":true,\"rows_checked\":3}")).text())
        .endsWith("not yet anchored");
  }
}
