package dev.mailgate.inboxpoller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.inboxpoller.domain.MailboxCursorRepository;
import dev.mailgate.inboxpoller.service.InboundRecorder;
import dev.mailgate.inboxpoller.service.LeaseLostException;
import dev.mailgate.inboxpoller.service.MailboxPoller;
import dev.mailgate.inboxpoller.service.PollResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** One mailbox is polled by one poll at a time, whichever instance or thread asks. */
@QuarkusTest
@PollerTestResources
class LeaseTest {

  private static final String MAILBOX = Mailboxes.LEASE;
  private static final String OTHER_INSTANCE = "poller-other-instance";

  @Inject MailboxPoller poller;
  @Inject InboundRecorder recorder;
  @Inject MailboxCursorRepository cursors;

  @Test
  void whileAnotherInstanceHoldsTheMailboxThisOneLeavesItAlone() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                inTransaction(
                    () -> cursors.tryLease(MAILBOX, OTHER_INSTANCE, Duration.ofHours(1))));
    String cursor = recorder.current(MAILBOX).cursor();
    List<String> ids = inject(3);

    PollResult result = poller.poll(MAILBOX);

    assertThat(result.leased()).isFalse();
    assertThat(result.emitted()).isZero();
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> recorder.current(MAILBOX).cursor().equals(cursor));

    inTransaction(
        () ->
            cursors
                .getEntityManager()
                .createNativeQuery(
                    "UPDATE mailbox_cursor SET lease_until = now() - interval '1 second'"
                        + " WHERE mailbox_id = ?1")
                .setParameter(1, MAILBOX)
                .executeUpdate());
    List<String> published = Bus.awaitEmailIds(MAILBOX, ids);
    assertThat(published).containsSubsequence(ids).doesNotHaveDuplicates();
  }

  @Test
  void pollsRacingFromSeveralThreadsPublishEachEmailOnce() throws Exception {
    List<String> ids = inject(12);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<PollResult>> polls = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        polls.add(threads.submit(() -> poller.poll(MAILBOX)));
      }
      for (Future<PollResult> poll : polls) {
        try {
          poll.get();
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(LeaseLostException.class);
        }
      }
    } finally {
      threads.shutdown();
    }

    List<String> published = Bus.awaitEmailIds(MAILBOX, ids);
    assertThat(published.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
    assertThat(published).doesNotHaveDuplicates();
  }

  private static List<String> inject(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> Inbox.receive(MAILBOX, "lease " + i).id())
        .toList();
  }

  private static <T> T inTransaction(Callable<T> work) {
    return QuarkusTransaction.requiringNew().call(work);
  }
}
