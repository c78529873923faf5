package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.events.signing.ApprovalSignature;
import dev.mailgate.events.signing.ApprovalSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only approvals signed by a configured key over exactly their content are delivered: anything else
 * is dead-lettered with the reason, counted, and never reaches MultiMail.
 */
@QuarkusTest
@OutboundTestResources
class ForgedApprovalTest {

  private static final String DLQ = Topics.dlq(Topics.APPROVED);

  @Inject MeterRegistry metrics;

  @BeforeEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void anUnsignedApprovalIsNeverDelivered() {
    String mailbox = Sandbox.mailbox("mbx_unsigned");
    double before = rejected("missing_signature");

    String forged = Bus.publishWith(Bus.approved(mailbox), Map.of());

    assertRefused(mailbox, forged, "unsigned approval");
    assertThat(rejected("missing_signature")).isEqualTo(before + 1);
  }

  @Test
  void anApprovalSignedByAnotherKeyIsNeverDelivered() throws Exception {
    String mailbox = Sandbox.mailbox("mbx_stranger");
    ApprovalSigner stranger =
        new ApprovalSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
    double unknownBefore = rejected("unknown_key");
    double badBefore = rejected("bad_signature");

    ObjectNode own = Bus.approved(mailbox);
    String byItsOwnId = Bus.publishWith(own, Signing.headers(stranger, own));
    ObjectNode posing = Bus.approved(mailbox);
    Map<String, String> headers = new HashMap<>(Signing.headers(stranger, posing));
    headers.put(ApprovalSignature.KEY_HEADER, Signing.TEST_KEY.keyId());
    String underOurId = Bus.publishWith(posing, headers);

    assertRefused(mailbox, byItsOwnId, "unknown key " + "'" + stranger.keyId() + "'");
    assertRefused(mailbox, underOurId, "does not match its content");
    assertThat(rejected("unknown_key")).isEqualTo(unknownBefore + 1);
    assertThat(rejected("bad_signature")).isEqualTo(badBefore + 1);
  }

  @Test
  void anApprovalChangedAfterSigningIsNeverDelivered() {
    String mailbox = Sandbox.mailbox("mbx_altered");
    double before = rejected("bad_signature");
    List<String> altered =
        List.of("markdown", "to", "bcc", "subject").stream()
            .map(
                field -> {
                  ObjectNode email = Bus.approved(mailbox);
                  Map<String, String> signature = Signing.headers(Signing.TEST_KEY, email);
                  switch (field) {
                    case "markdown" -> email.put("markdown", "Wire the money to IBAN X.");
                    case "to" -> email.putArray("to").add("victim@example.com");
                    case "bcc" -> email.putArray("bcc").add("spy@evil.example.com");
                    default -> email.put("subject", "Urgent: password reset");
                  }
                  return Bus.publishWith(email, signature);
                })
            .toList();

    for (String intent : altered) {
      assertRefused(mailbox, intent, "does not match its content");
    }
    assertThat(rejected("bad_signature")).isEqualTo(before + altered.size());
  }

  @Test
  void anApprovalUnderAnUnknownKeyIdIsNeverDelivered() {
    String mailbox = Sandbox.mailbox("mbx_unknown_id");
    ObjectNode email = Bus.approved(mailbox);
    Map<String, String> headers = new HashMap<>(Signing.headers(Signing.TEST_KEY, email));
    headers.put(ApprovalSignature.KEY_HEADER, "0000000000000000");

    String forged = Bus.publishWith(email, headers);

    assertRefused(mailbox, forged, "unknown key '0000000000000000'");
  }

  @Test
  void everyConfiguredKeyVerifiesAndASignedApprovalIsDeliveredOnce() {
    String mailbox = Sandbox.mailbox("mbx_rotation");
    ObjectNode old = Bus.approved(mailbox);
    ObjectNode next = Bus.approved(mailbox);
    String byOld = Bus.publishWith(old, Signing.headers(Signing.TEST_KEY, old));
    String byNext = Bus.publishWith(next, Signing.headers(Signing.NEXT_KEY, next));

    var outcomes = Bus.awaitFinal(List.of(byOld, byNext));

    assertThat(Bus.statuses(outcomes.get(byOld))).containsExactly("accepted");
    assertThat(Bus.statuses(outcomes.get(byNext))).containsExactly("accepted");
    assertThat(Sandbox.deliveries(byOld)).isEqualTo(1);
    assertThat(Sandbox.deliveries(byNext)).isEqualTo(1);
    assertThat(Bus.read(DLQ, n -> byOld.equals(Bus.intent(n)) || byNext.equals(Bus.intent(n))))
        .isEmpty();
  }

  /**
   * The forged record is on the dead-letter topic with the reason; a signed one published after it
   * on the same mailbox (so the same partition, in order) is delivered, and the forged one never.
   */
  private static void assertRefused(String mailbox, String intent, String reason) {
    List<ConsumerRecord<String, byte[]>> dead =
        Bus.await(DLQ, 1, n -> intent.equals(Bus.intent(n)));
    assertThat(dead).hasSize(1);
    assertThat(Bus.header(dead.get(0), EventHeaders.DLQ_REASON))
        .startsWith("not delivered: ")
        .contains(reason);
    assertThat(Bus.header(dead.get(0), EventHeaders.DLQ_TOPIC)).isEqualTo(Topics.APPROVED);
    String after = Bus.publish(Bus.approved(mailbox));
    assertThat(Bus.statuses(Bus.awaitFinal(List.of(after)).get(after))).containsExactly("accepted");
    assertThat(Sandbox.deliveries(intent)).isZero();
    assertThat(Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)))).isEmpty();
  }

  private double rejected(String reason) {
    Counter counter =
        metrics.find("mailgate.outbound.approvals.rejected").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
