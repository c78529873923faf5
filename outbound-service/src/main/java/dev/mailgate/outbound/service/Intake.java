package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.PauseRepository;
import dev.mailgate.outbound.domain.SeenEvents;
import dev.mailgate.outbound.domain.Verdict;
import dev.mailgate.outbox.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Delivers one polled batch of {@code mail.approved}: skips records already processed and intents
 * already waiting, tries the rest (except for paused mailboxes), then writes every outcome, parked
 * delivery, dead letter and processed-event mark in one transaction. The caller commits the offsets
 * only after that transaction: a crash before it re-reads the batch and repeats the calls with the
 * same idempotency keys, which MultiMail answers {@code already_sent}.
 */
@ApplicationScoped
public class Intake {

  public static final String CONSUMER = "outbound-service";

  private record Known(
      Set<String> seen, Set<String> waiting, Map<String, java.time.Instant> paused) {}

  private final SeenEvents seenEvents;
  private final ProcessedEvents processed;
  private final DeliveryRepository deliveries;
  private final PauseRepository pauses;
  private final Dispatcher dispatcher;
  private final OutcomeRecorder recorder;
  private final OutcomeEvents events;
  private final Clock clock;

  public Intake(
      SeenEvents seenEvents,
      ProcessedEvents processed,
      DeliveryRepository deliveries,
      PauseRepository pauses,
      Dispatcher dispatcher,
      OutcomeRecorder recorder,
      OutcomeEvents events,
      Clock clock) {
    this.seenEvents = seenEvents;
    this.processed = processed;
    this.deliveries = deliveries;
    this.pauses = pauses;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.events = events;
    this.clock = clock;
  }

  public void take(List<ConsumerRecord<String, byte[]>> records) {
    List<ApprovedReader.Read> reads = records.stream().map(ApprovedReader::read).toList();
    Known known = QuarkusTransaction.requiringNew().call(() -> known(reads));
    List<Work> toTry = new ArrayList<>();
    List<Result> refused = new ArrayList<>();
    Set<String> intents = new HashSet<>(known.waiting());
    for (ApprovedReader.Read read : reads) {
      if (read.work() == null || known.seen().contains(read.eventId())) {
        continue;
      }
      if (read.invalid()) {
        String problem = ApprovedReader.problem(read.work().email());
        refused.add(new Result(read.work(), new Verdict.Permanent(0, problem)));
      } else if (intents.add(read.work().intentId())) {
        toTry.add(read.work());
      }
    }
    List<Result> results = new ArrayList<>(dispatcher.run(toTry, known.paused()));
    results.addAll(refused);
    QuarkusTransaction.requiringNew().run(() -> record(reads, results));
  }

  private Known known(List<ApprovedReader.Read> reads) {
    Set<String> eventIds = new HashSet<>();
    Set<String> intentIds = new HashSet<>();
    Set<String> mailboxes = new HashSet<>();
    for (ApprovedReader.Read read : reads) {
      eventIds.add(read.eventId());
      if (read.work() != null) {
        intentIds.add(read.work().intentId());
        mailboxes.add(read.work().mailboxId());
      }
    }
    return new Known(
        seenEvents.among(CONSUMER, eventIds),
        deliveries.waiting(intentIds),
        pauses.activeAmong(mailboxes, clock.instant()));
  }

  private void record(List<ApprovedReader.Read> reads, List<Result> results) {
    Set<String> eventIds = new HashSet<>();
    reads.forEach(r -> eventIds.add(r.eventId()));
    Set<String> first = processed.markFirstSeen(CONSUMER, eventIds);
    for (ApprovedReader.Read read : reads) {
      if (read.malformed() != null && first.contains(read.eventId())) {
        events.deadLetter(read.record().key(), read.record().value(), read.malformed());
      }
    }
    recorder.record(results.stream().filter(r -> first.contains(r.work().eventId())).toList());
  }
}
