package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.PostgresTestResource;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no Test suffix). Run on demand: {@code ./mvnw -pl audit-service test
 * -Dtest=AuditThroughputBench -Dbench.events=100000}. Prints the sustained recording rate with the
 * hash chain and query latencies.
 */
@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class AuditThroughputBench {

  @Inject DataSource db;

  @Test
  void recordsAndQueries() {
    int events = Integer.getInteger("bench.events", 50_000);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long before = count("1 = 1");
    Properties props = KafkaBroker.shared().clientProperties();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < events; i++) {
        String mailbox = "mbx_bench_" + run + "_" + (i % 50);
        byte[] body =
            ("{\"intent_id\":\"int-"
                    + run
                    + "-"
                    + i
                    + "\",\"kind\":\"send\",\"mailbox_id\":\""
                    + mailbox
                    + "\",\"team\":\"bench\",\"role\":\"Role"
                    + (i % 7)
                    + "\",\"agent\":\"A\","
                    + "\"action\":\"SendEmail\",\"to\":[\"c@example.com\"],\"subject\":\"s\",\"markdown\":\""
                    + "x".repeat(700)
                    + "\",\"created_at\":\"2026-11-24T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INTENTS, mailbox, body);
        record
            .headers()
            .add(
                EventHeaders.EVENT_ID,
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record
            .headers()
            .add(
                EventHeaders.EVENT_TYPE,
                EventTypes.INTENT_SUBMITTED.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
    }
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count("1 = 1") >= before + events);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BENCH recorded %d events in %.1f s: %.0f events/s (table now %d rows)%n",
        events, seconds, events / seconds, count("1 = 1"));
    String token = TestTokens.admin("bench");
    String mailbox = "mbx_bench_" + run + "_7";
    latency(
        "mailbox page",
        () ->
            given()
                .auth()
                .oauth2(token)
                .queryParam("mailbox", mailbox)
                .queryParam("limit", 100)
                .get("/audit/events")
                .then()
                .statusCode(200));
    latency(
        "role+team page",
        () ->
            given()
                .auth()
                .oauth2(token)
                .queryParam("role", "Role3")
                .queryParam("team", "bench")
                .queryParam("limit", 100)
                .get("/audit/events")
                .then()
                .statusCode(200));
    latency(
        "intent timeline",
        () ->
            given()
                .auth()
                .oauth2(token)
                .get("/audit/intents/{id}/timeline", "int-" + run + "-7")
                .then()
                .statusCode(200));
    latency(
        "verify one chain",
        () ->
            given()
                .auth()
                .oauth2(token)
                .get("/audit/chains/{c}/verify", mailbox)
                .then()
                .statusCode(200));
  }

  private static void latency(String name, Runnable call) {
    long[] ms = new long[20];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      call.run();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    System.out.printf(
        "BENCH %s: median %d ms, max %d ms%n", name, ms[ms.length / 2], ms[ms.length - 1]);
  }

  private long count(String where) {
    try (var c = db.getConnection();
        var s = c.createStatement();
        var r = s.executeQuery("select count(*) from audit_event where " + where)) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
