package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.PauseRepository;
import dev.mailgate.outbound.domain.SentIntentRepository;
import dev.mailgate.outbound.domain.Verdict;
import dev.mailgate.outbox.ProcessedEvents;
import dev.mailgate.outbox.consumer.Infrastructure;
import dev.mailgate.outbox.consumer.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers one polled batch of {@code mail.approved}: skips records already processed, intents
 * already sent or already waiting, tries the rest (except for paused mailboxes), then writes every
 * outcome, parked delivery, dead letter and processed-event mark in one transaction, retried on its
 * own while the database is away (so MultiMail is not called again). The caller commits the offsets
 * only after it: a crash before re-reads the batch and repeats the calls with the same idempotency
 * keys, which MultiMail answers {@code already_sent}.
 */
@ApplicationScoped
public class Intake {

  /** This consumer's name in {@code processed_event} and dead letters. */
  public static final String CONSUMER = "outbound-service";

  private record Known(
      Set<String> processed, Set<String> waiting, Set<String> sent, Map<String, Instant> paused) {}

  private final ProcessedEvents processedEvents;
  private final DeliveryRepository deliveries;
  private final SentIntentRepository sentIntents;
  private final PauseRepository pauses;
  private final Dispatcher dispatcher;
  private final OutcomeRecorder recorder;
  private final Infrastructure infrastructure;
  private final Clock clock;

  public Intake(
      ProcessedEvents processedEvents,
      DeliveryRepository deliveries,
      SentIntentRepository sentIntents,
      PauseRepository pauses,
      Dispatcher dispatcher,
      OutcomeRecorder recorder,
      Infrastructure infrastructure,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.deliveries = deliveries;
    this.sentIntents = sentIntents;
    this.pauses = pauses;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.infrastructure = infrastructure;
    this.clock = clock;
  }

  public void take(List<Received<ApprovedEmail>> records) {
    Known known = QuarkusTransaction.requiringNew().call(() -> known(records));
    List<Work> toTry = new ArrayList<>();
    List<Result> refused = new ArrayList<>();
    Set<String> intents = new HashSet<>(known.waiting());
    intents.addAll(known.sent());
    for (Received<ApprovedEmail> record : records) {
      if (known.processed().contains(record.ref().processingKey())) {
        continue;
      }
      Work work = Work.fresh(record.payload(), record.ref(), record.value());
      String problem = ApprovedReader.problem(record.payload());
      if (problem != null) {
        refused.add(new Result(work, new Verdict.Permanent(0, problem)));
      } else if (intents.add(work.intentId())) {
        toTry.add(work);
      }
    }
    List<Result> results = new ArrayList<>(dispatcher.run(toTry, known.paused()));
    results.addAll(refused);
    infrastructure.retrying(
        CONSUMER + " recording outcomes",
        () -> QuarkusTransaction.requiringNew().run(() -> record(records, results)));
  }

  private Known known(List<Received<ApprovedEmail>> records) {
    Set<String> keys = new HashSet<>();
    Set<String> intentIds = new HashSet<>();
    Set<String> mailboxes = new HashSet<>();
    for (Received<ApprovedEmail> record : records) {
      keys.add(record.ref().processingKey());
      intentIds.add(record.payload().intentId());
      mailboxes.add(record.payload().mailboxId());
    }
    return new Known(
        processedEvents.alreadyProcessed(CONSUMER, keys),
        deliveries.waiting(intentIds),
        sentIntents.sentAmong(intentIds),
        pauses.activeAmong(mailboxes, clock.instant()));
  }

  private void record(List<Received<ApprovedEmail>> records, List<Result> results) {
    Set<String> keys = new HashSet<>();
    records.forEach(r -> keys.add(r.ref().processingKey()));
    Set<String> first = processedEvents.markFirstSeen(CONSUMER, keys);
    recorder.record(
        results.stream().filter(r -> first.contains(r.work().source().processingKey())).toList());
  }
}
