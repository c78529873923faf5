package dev.mailgate.outbound.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.multimail.client.model.Mailbox;
import dev.mailgate.multimail.client.model.OversightMode;
import org.junit.jupiter.api.Test;

class ProviderModesTest {

  @Test
  void gatedModesAtMultiMailAreWarnedAboutWithWhatToDo() {
    assertThat(ProviderModes.warning(mailbox(OversightMode.GATED_SEND)))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("mbx_1 (agent@example.com) is gated_send at MultiMail")
                    .contains("held_by_provider")
                    .contains("trust ladder"));
    assertThat(ProviderModes.warning(mailbox(OversightMode.GATED_ALL)))
        .hasValueSatisfying(w -> assertThat(w).contains("is gated_all at MultiMail"));
    assertThat(ProviderModes.warning(mailbox(OversightMode.READ_ONLY)))
        .hasValueSatisfying(w -> assertThat(w).contains("will fail"));
  }

  @Test
  void modesThatSendWhatMailGateApprovedAreFine() {
    assertThat(ProviderModes.warning(mailbox(OversightMode.AUTONOMOUS))).isEmpty();
    assertThat(ProviderModes.warning(mailbox(OversightMode.MONITORED))).isEmpty();
    assertThat(ProviderModes.warning(mailbox(OversightMode.UNKNOWN))).isEmpty();
    assertThat(ProviderModes.warning(mailbox(null))).isEmpty();
  }

  private static Mailbox mailbox(OversightMode mode) {
    return new Mailbox(
        "mbx_1", "t_1", "agent@example.com", null, mode, null, null, false, null, null, true);
  }
}
