package dev.mailgate.inboxpoller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.InboundLimits;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An inbound email larger than a record may be (a 2 MB body, a 200 KB subject) is published cut,
 * saying so, and the mail after it flows; nothing jams the poller's outbox.
 */
@QuarkusTest
@PollerTestResources
class OversizedInboundTest {

  private static final String MAILBOX = Mailboxes.FLOW;

  @Test
  void aHugeEmailIsPublishedCutWithItsOriginalSizeAndTheNextOneFlows() throws Exception {
    String body = "word ".repeat(400_000);
    Inbox.Injected huge = Inbox.receiveWithBody(MAILBOX, "s".repeat(200_000), body);
    Inbox.Injected next = Inbox.receive(MAILBOX, "After the huge one");

    Bus.awaitEmailIds(MAILBOX, List.of(huge.id(), next.id()));

    ConsumerRecord<String, byte[]> record = only(huge.id());
    JsonNode cut = Bus.json(record);
    assertThat(record.value().length).isLessThan(1_000_000);
    assertThat(cut.path("truncated").asBoolean()).isTrue();
    assertThat(cut.path("markdown_bytes").asLong()).isEqualTo(body.length());
    assertThat(cut.path("markdown_sha256").asText())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(body.getBytes(StandardCharsets.UTF_8))));
    assertThat(cut.path("subject").asText()).hasSize(InboundLimits.MAX_SUBJECT_CHARS);
    assertThat(cut.path("markdown").asText()).isEqualTo(body.substring(0, 800_000));
    JsonNode normal = Bus.json(only(next.id()));
    assertThat(normal.has("truncated")).isFalse();
    assertThat(normal.path("subject").asText()).isEqualTo("After the huge one");
  }

  private static ConsumerRecord<String, byte[]> only(String emailId) {
    List<ConsumerRecord<String, byte[]>> found =
        Bus.inbound(MAILBOX).stream()
            .filter(r -> emailId.equals(Bus.json(r).path("email_id").asText()))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
