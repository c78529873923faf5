package dev.mailgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.DecisionState;
import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.events.Problem;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class AwaitTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String mailbox = "mbx_" + UUID.randomUUID().toString().substring(0, 8);
  private MailGateClient client;
  private MailGateSide mailgate;

  @BeforeEach
  void connect(KafkaBroker broker) {
    broker.createTopics(4, Topics.ALL);
    client = new MailGateClient(broker.agentProperties(PublishTest.TEAM));
    mailgate = new MailGateSide(broker);
  }

  @AfterEach
  void close() {
    client.close();
    mailgate.close();
  }

  @Test
  void awaitingReturnsTheAnswerForTheRightIntentAmongMany() {
    List<Receipt> receipts = new ArrayList<>();
    List<EmailDraft> drafts = drafts(12);
    drafts.forEach(d -> receipts.add(client.publish(d)));
    for (int i = 0; i < drafts.size(); i++) {
      mailgate.decide(drafts.get(i), DecisionState.REJECTED, "reason " + i, List.of());
    }

    IntentResult result = client.await(receipts.get(7), WAIT);

    assertThat(result.status()).isEqualTo(IntentStatus.REJECTED);
    assertThat(result.reason()).contains("reason 7");
    assertThat(result.history())
        .extracting(IntentUpdate::intentId)
        .containsOnly(drafts.get(7).intentId());
  }

  @Test
  void everyAnswerIsReportedClearly() {
    List<EmailDraft> d = drafts(5);
    Problem bad = new Problem("to[0]", "invalid_address", "is not an email address");
    mailgate.decide(d.get(0), DecisionState.HELD, null, List.of());
    mailgate.decide(d.get(1), DecisionState.INVALID, null, List.of(bad));
    mailgate.decide(d.get(2), DecisionState.APPROVED, null, List.of());
    mailgate.deliver(d.get(2), OutcomeStatus.ACCEPTED, "em_1", null);
    mailgate.deliver(d.get(3), OutcomeStatus.QUOTA_EXHAUSTED, null, "monthly quota used up");
    mailgate.deliver(d.get(4), OutcomeStatus.FAILED, null, "recipient blocked");

    assertThat(awaitSettled(d.get(0)).status()).isEqualTo(IntentStatus.HELD);
    assertThat(awaitSettled(d.get(1)).problems()).containsExactly(bad);
    IntentResult sent = awaitSettled(d.get(2));
    assertThat(sent.status()).isEqualTo(IntentStatus.SENT);
    assertThat(sent.field("provider_email_id")).contains("em_1");
    assertThat(awaitSettled(d.get(3)).status()).isEqualTo(IntentStatus.QUOTA_EXHAUSTED);
    assertThat(awaitSettled(d.get(4)).error()).contains("recipient blocked");
  }

  @Test
  void theLatestStateWinsAndUpdatesAreStreamed() {
    EmailDraft draft = drafts(1).get(0);
    mailgate.decide(draft, DecisionState.ACCEPTED, null, List.of());
    mailgate.decide(draft, DecisionState.HELD, null, List.of());
    mailgate.decide(draft, DecisionState.APPROVED, "fine", List.of());
    mailgate.deliver(draft, OutcomeStatus.ACCEPTED, "em_9", null);
    List<IntentStatus> streamed = new ArrayList<>();

    IntentResult result =
        client.await(
            draft.intentId(), null, WAIT, IntentStatus.SETTLED, u -> streamed.add(u.status()));

    assertThat(result.status()).isEqualTo(IntentStatus.SENT);
    // Order holds within a topic (one mailbox, one partition), not across decisions and outcomes.
    assertThat(streamed.stream().filter(status -> status != IntentStatus.SENT))
        .containsExactly(IntentStatus.ACCEPTED, IntentStatus.HELD, IntentStatus.APPROVED);
    assertThat(streamed).contains(IntentStatus.SENT);
  }

  @Test
  void aTimeoutIsCleanAndKeepsWhatWasSeen() {
    List<EmailDraft> d = drafts(2);
    mailgate.decide(d.get(1), DecisionState.HELD, null, List.of());

    long began = System.nanoTime();
    IntentResult nothing = client.await(client.publish(d.get(0)), Duration.ofSeconds(2));
    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
    assertThat(nothing.timedOut()).isTrue();
    assertThat(nothing.history()).isEmpty();

    IntentResult waiting =
        client.await(client.publish(d.get(1)), Duration.ofSeconds(2), IntentStatus.FINAL);
    assertThat(waiting.timedOut()).isTrue();
    assertThat(waiting.last()).map(IntentUpdate::status).contains(IntentStatus.HELD);
  }

  private IntentResult awaitSettled(EmailDraft draft) {
    return client.await(draft.intentId(), null, WAIT, IntentStatus.SETTLED, u -> {});
  }

  private List<EmailDraft> drafts(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                EmailDraft.send(
                    PublishTest.WHO,
                    mailbox,
                    List.of("c" + i + "@example.com"),
                    "Update " + i,
                    "Body " + i))
        .toList();
  }
}
