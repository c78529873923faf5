package dev.mailgate.inboxpoller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventTypes;
import dev.mailgate.inboxpoller.messaging.InboundReceivedEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Inbound mail injected while the poller runs is published once each, in order, intact. */
@QuarkusTest
@PollerTestResources
class PollingTest {

  private static final String MAILBOX = Mailboxes.FLOW;

  @Test
  void publishesAnInboundEmailAsAnEventKeyedByMailbox() {
    Inbox.Injected email = Inbox.receive(MAILBOX, "Where is my order?");

    Bus.awaitEmailIds(MAILBOX, List.of(email.id()));

    ConsumerRecord<String, byte[]> record =
        Bus.inbound(MAILBOX).stream()
            .filter(r -> email.id().equals(Bus.json(r).path("email_id").asText()))
            .findFirst()
            .orElseThrow();
    JsonNode value = Bus.json(record);
    assertThat(record.key()).isEqualTo(MAILBOX);
    assertThat(Bus.header(record, EventHeaders.EVENT_TYPE)).isEqualTo(EventTypes.INBOUND_RECEIVED);
    assertThat(Bus.header(record, EventHeaders.EVENT_ID))
        .isEqualTo(InboundReceivedEvents.eventId(MAILBOX, email.id()).toString());
    assertThat(Bus.header(record, InboundReceivedEvents.EMAIL_ID_HEADER)).isEqualTo(email.id());
    assertThat(value.path("mailbox_id").asText()).isEqualTo(MAILBOX);
    assertThat(value.path("thread_id").asText()).isEqualTo(email.threadId());
    assertThat(value.path("from").asText()).isEqualTo("customer@example.com");
    assertThat(value.path("to").get(0).asText()).isEqualTo(MAILBOX + "@sandbox.local");
    assertThat(value.path("subject").asText()).isEqualTo("Where is my order?");
    assertThat(value.path("markdown").asText()).isEqualTo("Body of Where is my order?");
    assertThat(value.path("received_at").asText()).isNotBlank();
    assertThat(value.has("released_by")).isFalse();
  }

  @Test
  void aBurstLargerThanAPageFromSeveralThreadsIsPublishedOnceEachInIdOrder() throws Exception {
    List<String> injected = Collections.synchronizedList(new ArrayList<>());
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int sender = 0; sender < 4; sender++) {
        int s = sender;
        done.add(
            senders.submit(
                () ->
                    IntStream.range(0, 8)
                        .forEach(i -> injected.add(Inbox.receive(MAILBOX, s + "-" + i).id()))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      senders.shutdown();
    }

    List<String> published = Bus.awaitEmailIds(MAILBOX, injected);

    List<String> ours = published.stream().filter(injected::contains).toList();
    assertThat(ours).hasSize(32).doesNotHaveDuplicates();
    assertThat(ours).isSortedAccordingTo(String::compareTo);
    assertThat(published).doesNotHaveDuplicates();
  }

  @Test
  void repliesKeepTheirThread() {
    Inbox.Injected first = Inbox.receive(MAILBOX, "Invoice question");
    Inbox.Injected second = Inbox.receive(MAILBOX, "Re: Invoice question", first.id());
    Inbox.Injected third = Inbox.receive(MAILBOX, "Re: Invoice question", second.id());

    Bus.awaitEmailIds(MAILBOX, List.of(first.id(), second.id(), third.id()));

    List<JsonNode> thread =
        Bus.inbound(MAILBOX).stream()
            .map(Bus::json)
            .filter(v -> List.of(second.id(), third.id()).contains(v.path("email_id").asText()))
            .toList();
    assertThat(thread)
        .extracting(v -> v.path("thread_id").asText())
        .containsExactly(first.threadId(), first.threadId());
    assertThat(thread).extracting(v -> v.path("subject").asText()).containsOnly("Invoice question");
  }
}
