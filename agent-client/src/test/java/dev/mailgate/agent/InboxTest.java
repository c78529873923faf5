package dev.mailgate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class InboxTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String mailbox = "mbx_" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void readingReturnsOnlyNewMailOfTheMailboxEachOnce(KafkaBroker broker) {
    broker.createTopics(4, Topics.ALL);
    try (MailGateSide mailgate = new MailGateSide(broker);
        MailGateClient client = new MailGateClient(broker.agentProperties(PublishTest.TEAM));
        Inbox inbox = client.inbox(mailbox, null)) {
      mailgate.release(mailbox, "em_1", "First");
      mailgate.release(mailbox + "_other", "em_2", "Not yours");
      mailgate.release(mailbox, "em_1", "First");
      mailgate.release(mailbox, "em_3", "Second");

      assertThat(inbox.read(WAIT))
          .extracting(InboundEmail::emailId)
          .containsExactly("em_1", "em_3");
      assertThat(inbox.read(WAIT)).isEmpty();

      mailgate.release(mailbox, "em_4", "Third");
      List<InboundEmail> streamed = new ArrayList<>();
      inbox.stream(Duration.ofSeconds(3), streamed::add);
      assertThat(streamed).extracting(InboundEmail::subject).containsExactly("Third");
    }
  }

  @Test
  void aRoleReadsOnlyTheMailItsReadGrantsAllow(KafkaBroker broker) {
    broker.createTopics(4, Topics.ALL);
    try (MailGateSide mailgate = new MailGateSide(broker);
        MailGateClient client = new MailGateClient(broker.agentProperties(PublishTest.TEAM));
        Inbox engineer = client.inbox(mailbox, List.of("Engineer"), null);
        Inbox pm = client.inbox(mailbox, List.of("Product Manager", "ProductManager"), null)) {
      mailgate.release(mailbox, "em_all", "For everyone");
      mailgate.release(mailbox, "em_pm", "PM only", Map.of("*", false, "ProductManager", true));

      assertThat(engineer.read(WAIT)).extracting(InboundEmail::emailId).containsExactly("em_all");
      assertThat(pm.read(WAIT))
          .extracting(InboundEmail::emailId)
          .containsExactly("em_all", "em_pm");
    }
    try (MailGateClient client = new MailGateClient(broker.agentProperties(PublishTest.TEAM))) {
      assertThatThrownBy(() -> client.inbox(mailbox, List.of(" "), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
