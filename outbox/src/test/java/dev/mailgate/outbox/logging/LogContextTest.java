package dev.mailgate.outbox.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.outbox.consumer.RecordRef;
import java.util.Map;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogContextTest {

  @Test
  void aRecordsIdsAreInTheMdcWhileItIsHandledAndNestedContextsRestoreTheOuterOne() {
    RecordRef ref = new RecordRef("mail.intents", 2, 41, 0L, "mbx_a", Map.of("event_id", "ev-1"));
    try (LogContext record = LogContext.of(ref)) {
      assertThat(MDC.get("event_id")).isEqualTo("ev-1");
      assertThat(MDC.get("mailbox_id")).isEqualTo("mbx_a");
      assertThat(MDC.get("record")).isEqualTo("mail.intents/2@41");
      try (LogContext intent = LogContext.intent("int-9", "mbx_b")) {
        assertThat(MDC.get("intent_id")).isEqualTo("int-9");
        assertThat(MDC.get("mailbox_id")).isEqualTo("mbx_b");
      }
      assertThat(MDC.get("intent_id")).isNull();
      assertThat(MDC.get("mailbox_id")).isEqualTo("mbx_a");
    }
    assertThat(MDC.get("event_id")).isNull();
    assertThat(MDC.get("record")).isNull();
  }

  @Test
  void blankValuesAreLeftOutAndLongOnesCut() {
    try (LogContext intent = LogContext.intent("x".repeat(500), " ")) {
      assertThat((String) MDC.get("intent_id")).hasSize(200);
      assertThat(MDC.get("mailbox_id")).isNull();
    }
  }
}
