package dev.mailgate.outbox;

import dev.mailgate.outbox.loop.WakeableLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Runs the {@link OutboxRelay} in a {@link WakeableLoop}: woken after every commit that wrote to
 * the outbox, looking anyway every poll interval, backing off while Kafka or the database fails.
 * Knows since when it has failed to publish, for readiness and metrics.
 */
@ApplicationScoped
public class OutboxRelayRunner {

  private final OutboxConfig.Relay config;
  private final OutboxRelay relay;
  private final KafkaProducer<String, byte[]> producer;
  private final WakeableLoop loop;
  private final ManagedExecutor executor;
  private final Counter published;
  private final Counter parked;
  private volatile Instant failingSince;

  private final Clock clock;

  public OutboxRelayRunner(
      OutboxConfig config,
      DataSource dataSource,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "quarkus.application.name", defaultValue = "mailgate") String service,
      ManagedExecutor executor,
      MeterRegistry registry,
      Clock clock) {
    this.clock = clock;
    this.config = config.relay();
    this.executor = executor;
    this.producer = new KafkaProducer<>(producerConfig(kafka, service));
    this.relay = new OutboxRelay(dataSource, producer, this.config.batchSize(), service);
    this.loop =
        new WakeableLoop(
            "outbox-relay", this.config.pollInterval(), this.config.maxBackoff(), this::relayOnce);
    this.published = registry.counter("mailgate.outbox.published");
    this.parked = registry.counter("mailgate.outbox.parked");
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      Log.warn("outbox relay disabled (mailgate.outbox.relay.enabled=false)");
      return;
    }
    loop.start(executor);
  }

  void stop(@Observes ShutdownEvent event) {
    loop.stop(Duration.ofSeconds(10));
    producer.close(Duration.ofSeconds(5));
  }

  /** Asks the relay to look at the outbox now. */
  public void wake() {
    loop.wake();
  }

  /** Publishes everything waiting, on the caller's thread; for tests that restart the relay. */
  public int drainNow() throws Exception {
    int count = relay.drain();
    published.increment(count);
    return count;
  }

  /** Since when the relay has failed to publish, or null while it works. */
  public Instant failingSince() {
    return failingSince;
  }

  /** Whether the relay has failed for longer than {@code mailgate.outbox.relay.stuck-after}. */
  public boolean isStuck(Instant now) {
    Instant since = failingSince;
    return since != null && since.plus(config.stuckAfter()).isBefore(now);
  }

  private boolean relayOnce() throws Exception {
    try {
      OutboxRelay.Round round = relay.relayOnce();
      failingSince = null;
      published.increment(round.published());
      parked.increment(round.parked());
      return round.published() + round.parked() > 0;
    } catch (Exception e) {
      if (failingSince == null) {
        failingSince = clock.instant();
      }
      throw e;
    }
  }

  private static Map<String, Object> producerConfig(Map<String, Object> kafka, String service) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1048576");
    // Without metadata (broker away) a send fails after this instead of blocking the relay a
    // minute.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay");
    return props;
  }
}
