package dev.mailgate.inboxpoller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.inboxpoller.service.InboundRecorder;
import dev.mailgate.inboxpoller.service.LeaseLostException;
import dev.mailgate.inboxpoller.service.MailboxPoller;
import dev.mailgate.inboxpoller.service.PollScheduler;
import dev.mailgate.multimail.client.EmailQuery;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.model.Email;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poll that dies part-way through a page, a writer that lost its mailbox, and a stop between
 * bursts: afterwards every email is published exactly once, in order.
 */
@QuarkusTest
@PollerTestResources
class RestartTest {

  private static final String MAILBOX = Mailboxes.RESTART;

  @Inject PollScheduler scheduler;
  @Inject MailboxPoller poller;
  @Inject InboundRecorder recorder;
  @Inject MultiMailClient multimail;

  @AfterEach
  void resume() {
    scheduler.start();
  }

  @Test
  void aCrashMidPageCommitsNothingAndTheNextPollPublishesEachEmailOnce() {
    scheduler.stop();
    String cursor = recorder.current(MAILBOX).cursor();
    List<String> ids = inject(7, "crash");
    assertThat(recorder.lease(MAILBOX, poller.owner()).acquired()).isTrue();
    List<Email> partOfPage = fetch(cursor, 5).subList(0, 3);

    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          recorder.record(MAILBOX, poller.owner(), cursor, partOfPage);
                          throw new IllegalStateException("simulated crash before commit");
                        }))
        .hasMessageContaining("simulated crash");
    assertThat(recorder.current(MAILBOX).cursor()).isEqualTo(cursor);

    scheduler.start();
    List<String> published = Bus.awaitEmailIds(MAILBOX, ids);
    assertThat(published.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
    assertThat(published).doesNotHaveDuplicates();
  }

  @Test
  void aWriterThatLostTheMailboxOrItsCursorCannotPublish() {
    scheduler.stop();
    String cursor = recorder.current(MAILBOX).cursor();
    List<String> ids = inject(2, "fenced");
    assertThat(recorder.lease(MAILBOX, poller.owner()).acquired()).isTrue();
    List<Email> page = fetch(cursor, 5);

    assertThatThrownBy(() -> recorder.record(MAILBOX, "poller-elsewhere", cursor, page))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> recorder.record(MAILBOX, poller.owner(), "01STALE", page))
        .isInstanceOf(LeaseLostException.class);
    assertThat(recorder.current(MAILBOX).cursor()).isEqualTo(cursor);

    scheduler.start();
    List<String> published = Bus.awaitEmailIds(MAILBOX, ids);
    assertThat(published).doesNotHaveDuplicates();
  }

  @Test
  void stoppingBetweenBurstsLosesAndRepeatsNothing() {
    List<String> first = inject(6, "before");
    Bus.awaitEmailIds(MAILBOX, first);
    scheduler.stop();
    assertThat(recorder.current(MAILBOX).cursor()).isEqualTo(first.get(first.size() - 1));
    List<String> second = inject(6, "while stopped");

    scheduler.start();
    List<String> published = Bus.awaitEmailIds(MAILBOX, second);

    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    assertThat(published.stream().filter(all::contains).toList()).containsExactlyElementsOf(all);
    assertThat(published).doesNotHaveDuplicates();
  }

  private static List<String> inject(int count, String label) {
    return IntStream.range(0, count)
        .mapToObj(i -> Inbox.receive(MAILBOX, label + " " + i).id())
        .toList();
  }

  private List<Email> fetch(String cursor, int limit) {
    EmailQuery query =
        EmailQuery.since(cursor.isEmpty() ? "0" : cursor).withDirection("inbound").withLimit(limit);
    return multimail.listEmails(MAILBOX, query).emails().stream()
        .map(summary -> multimail.getEmail(MAILBOX, summary.id()))
        .toList();
  }
}
