package dev.mailgate.agent;

import dev.mailgate.events.EventJson;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A cursor over the mail released to one mailbox ({@code mail.inbound}): for a role, only what the
 * email's read grants let it read; without a role, all of it. Each email is shown once, even when
 * its release is redelivered. Not thread-safe.
 */
public final class Inbox implements AutoCloseable {

  private final String mailboxId;
  private final List<String> roleNames;
  private final TopicReader reader;
  private final Set<String> seen = new HashSet<>();

  Inbox(Properties kafka, String mailboxId, List<String> roleNames, Instant since) {
    this.mailboxId = mailboxId;
    this.roleNames = roleNames;
    this.reader = new TopicReader(kafka, List.of(Topics.INBOUND), since);
  }

  /**
   * Every email released since the last call, up to the end of the topic at the time of the call.
   */
  public List<InboundEmail> read(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> ends = reader.ends();
    List<InboundEmail> mail = new ArrayList<>();
    long remaining;
    while (!reader.reached(ends) && (remaining = deadline - System.nanoTime()) > 0) {
      reader.poll(Duration.ofNanos(remaining)).forEach(record -> accept(record, mail::add));
    }
    return mail;
  }

  /** Hands each email to {@code sink} as it is released, until {@code timeout} has passed. */
  public void stream(Duration timeout, Consumer<InboundEmail> sink) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      reader.poll(Duration.ofNanos(remaining)).forEach(record -> accept(record, sink));
    }
  }

  private void accept(ConsumerRecord<String, byte[]> record, Consumer<InboundEmail> sink) {
    InboundEmail email;
    try {
      email = EventJson.mapper().readValue(record.value(), InboundEmail.class);
    } catch (IOException | IllegalArgumentException unreadable) {
      return; // not an inbound email; MailGate's audit keeps it
    }
    if (!mailboxId.equals(email.mailboxId())
        || (roleNames != null && !email.readableBy(roleNames))) {
      return;
    }
    if (seen.add(email.emailId())) {
      sink.accept(email);
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
