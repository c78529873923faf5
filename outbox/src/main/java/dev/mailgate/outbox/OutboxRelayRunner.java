package dev.mailgate.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the {@link OutboxRelay} on its own thread: woken after every commit that wrote to the
 * outbox, polling otherwise, backing off while Kafka or the database fails.
 */
@ApplicationScoped
public class OutboxRelayRunner {

  private final OutboxConfig.Relay config;
  private final OutboxRelay relay;
  private final KafkaProducer<String, byte[]> producer;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Counter published;
  private volatile boolean running;
  private Thread thread;

  public OutboxRelayRunner(
      OutboxConfig config,
      DataSource dataSource,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      MeterRegistry registry) {
    this.config = config.relay();
    this.producer = new KafkaProducer<>(producerConfig(kafka));
    this.relay = new OutboxRelay(dataSource, producer, this.config.batchSize());
    this.published = registry.counter("mailgate.outbox.published");
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      Log.warn("outbox relay disabled (mailgate.outbox.relay.enabled=false)");
      return;
    }
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeUps.release();
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(Duration.ofSeconds(5));
  }

  /** Asks the relay to look at the outbox now. */
  public void wake() {
    wakeUps.release();
  }

  /** Publishes everything waiting, on the caller's thread; for tests that restart the relay. */
  public int drainNow() throws Exception {
    int count = relay.drain();
    published.increment(count);
    return count;
  }

  private void loop() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        waitForWork(backoff.isZero() ? config.pollInterval() : backoff);
        published.increment(relay.drain());
        backoff = Duration.ZERO;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        backoff = nextBackoff(backoff);
        Log.warnf("outbox relay failed, retrying in %s: %s", backoff, e.getMessage());
      }
    }
  }

  private void waitForWork(Duration timeout) throws InterruptedException {
    wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    wakeUps.drainPermits();
  }

  private Duration nextBackoff(Duration current) {
    Duration next = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
    return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
  }

  private static Map<String, Object> producerConfig(Map<String, Object> kafka) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    return props;
  }
}
