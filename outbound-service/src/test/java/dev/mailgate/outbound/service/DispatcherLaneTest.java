package dev.mailgate.outbound.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.IntentKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which deliveries of a mailbox keep their order: they share a lane. */
class DispatcherLaneTest {

  @Test
  void mailOfOneThreadSharesALaneWhateverItsRecipients() {
    Set<Integer> lanes = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      lanes.add(Dispatcher.lane(email("i" + i, "thr_1", null, "person" + i + "@x.test"), 4));
    }
    assertThat(lanes).hasSize(1);
  }

  @Test
  void repliesToOneEmailShareALane() {
    Set<Integer> lanes = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      lanes.add(Dispatcher.lane(email("i" + i, null, "em_1", "person" + i + "@x.test"), 4));
    }
    assertThat(lanes).hasSize(1);
  }

  @Test
  void mailToOnePersonSharesALaneInAnyCase() {
    assertThat(Dispatcher.lane(email("a", null, null, "Ann@X.test"), 4))
        .isEqualTo(Dispatcher.lane(email("b", null, null, "ann@x.test"), 4));
  }

  @Test
  void independentMailSpreadsOverTheLanes() {
    Set<Integer> lanes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      lanes.add(Dispatcher.lane(email("i" + i, null, null, "person" + i + "@x.test"), 4));
    }
    assertThat(lanes).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(Dispatcher.lane(email("z", null, null, "someone@x.test"), 1)).isZero();
  }

  private static ApprovedEmail email(String id, String thread, String replyTo, String to) {
    return new ApprovedEmail(
        id,
        replyTo == null ? IntentKind.SEND : IntentKind.REPLY,
        "mbx_lanes",
        "team",
        "Role",
        "agent",
        "Action",
        List.of(to),
        List.of(),
        List.of(),
        "subject",
        "text",
        List.of(),
        replyTo,
        thread,
        null,
        List.of(),
        null);
  }
}
