package dev.mailgate.agent;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Problem;
import dev.mailgate.events.RoleNames;
import dev.mailgate.events.Topics;
import dev.mailgate.events.validation.IntentValidator;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The agent side of MailGate: publishes validated intents to {@code mail.intents} (acks=all,
 * idempotent producer, key = mailbox), follows their decisions and outcomes, reads inbound mail.
 * One per process; thread-safe for {@link #publish}.
 */
public final class MailGateClient implements AutoCloseable {

  /** Decisions are looked for from a little before the draft was made: producer clocks differ. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final Properties kafka;
  private final Optional<IntentSigner> signer;
  private final KafkaProducer<String, byte[]> producer;
  private final IntentValidator validator = IntentValidator.withDefaults();

  /**
   * {@code config}: Kafka client properties (at least {@code bootstrap.servers}; {@code
   * security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config} ... pass through) and,
   * optionally, {@code mailgate.agent.id} + {@code mailgate.agent.signing.key}: with both, every
   * intent is signed. Throws IllegalArgumentException for an incomplete or malformed signing setup.
   */
  public MailGateClient(Map<?, ?> config) {
    ClientConfig split = ClientConfig.of(config);
    this.kafka = split.kafka();
    this.signer = split.signer();
    Properties producerConfig = (Properties) kafka.clone();
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
  }

  public static MailGateClient connect(String bootstrapServers) {
    return new MailGateClient(Map.of("bootstrap.servers", bootstrapServers));
  }

  /** From a {@code .properties} file: Kafka client properties plus {@code mailgate.agent.*}. */
  public static MailGateClient fromProperties(Path file) {
    return new MailGateClient(ClientConfig.load(file));
  }

  /** The agent id intents are signed as; empty when they go unsigned. */
  public Optional<String> agentId() {
    return signer.map(IntentSigner::agentId);
  }

  /**
   * Writes the intent and waits for the broker's acknowledgement. Publishing the same draft again
   * sends the same intent id. Throws {@link InvalidIntentException} (nothing written) or {@link
   * PublishException}.
   */
  public Receipt publish(EmailDraft draft, Duration timeout) {
    List<Problem> problems = EmailDraft.problemsOf(draft.intent());
    if (!problems.isEmpty()) {
      throw new InvalidIntentException(problems);
    }
    byte[] value = json(draft);
    int maxBytes = validator.limits().maxRecordBytes();
    if (value.length > maxBytes) {
      throw new InvalidIntentException(
          List.of(
              new Problem(
                  "$", "too_large", value.length + " bytes, at most " + maxBytes + " allowed")));
    }
    String eventId = UUID.randomUUID().toString();
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.INTENTS, draft.mailboxId(), value);
    record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(EventHeaders.EVENT_TYPE, EventTypes.INTENT_SUBMITTED.getBytes(StandardCharsets.UTF_8));
    signer.ifPresent(s -> s.sign(record.headers(), value));
    try {
      RecordMetadata written = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Receipt(
          draft.intentId(),
          draft.mailboxId(),
          eventId,
          written.partition(),
          written.offset(),
          draft.intent().createdAt().minus(CLOCK_SKEW));
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new PublishException(draft.intentId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(draft.intentId(), e);
    }
  }

  public Receipt publish(EmailDraft draft) {
    return publish(draft, Duration.ofSeconds(10));
  }

  /**
   * The intent's status once it is in {@code until}, or final, else {@link IntentStatus#TIMED_OUT}
   * with what was seen.
   */
  public IntentResult await(Receipt receipt, Duration timeout, Set<IntentStatus> until) {
    return await(receipt.intentId(), receipt.since(), timeout, until, update -> {});
  }

  /** Waits until {@link IntentStatus#SETTLED}: final, held, in conflict or out of quota. */
  public IntentResult await(Receipt receipt, Duration timeout) {
    return await(receipt, timeout, IntentStatus.SETTLED);
  }

  /**
   * The general form: updates from {@code since} (null: the beginning of the topics) are handed to
   * {@code onUpdate} as they are read.
   */
  public IntentResult await(
      String intentId,
      Instant since,
      Duration timeout,
      Set<IntentStatus> until,
      Consumer<IntentUpdate> onUpdate) {
    return new IntentWatch(kafka).await(intentId, since, timeout, until, onUpdate);
  }

  /**
   * A cursor over all mail released to {@code mailboxId}, from {@code since} (null: all): an
   * operator's view. An agent role reads through {@link #inbox(String, List, Instant)}.
   */
  public Inbox inbox(String mailboxId, Instant since) {
    return new Inbox(kafka, mailboxId, null, since);
  }

  /**
   * A cursor over the mail released to {@code mailboxId} that the mailbox's read grants let the
   * role known by {@code roleNames} read (e.g. a profile and a class name), from {@code since}.
   */
  public Inbox inbox(String mailboxId, List<String> roleNames, Instant since) {
    List<String> names =
        roleNames == null
            ? List.of()
            : roleNames.stream().filter(n -> !RoleNames.key(n).isEmpty()).toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("name the role that reads");
    }
    return new Inbox(kafka, mailboxId, names, since);
  }

  private static byte[] json(EmailDraft draft) {
    try {
      return EventJson.mapper().writeValueAsBytes(draft.intent());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
