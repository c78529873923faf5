package dev.mailgate.multimail.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.multimail.client.EmailQuery;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import dev.mailgate.multimail.client.model.EmailPage;
import dev.mailgate.multimail.client.model.EmailSummary;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** since_id polling while other threads inject inbound mail: nothing skipped, nothing twice. */
@QuarkusTest
class SinceIdPagingTest {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  @TestHTTPResource("/")
  URL sandbox;

  private final HttpClient http = HttpClient.newHttpClient();
  private MultiMailClient client;

  @BeforeEach
  void setUp() {
    SandboxControls.reset();
    client =
        new MultiMailClient(
            MultiMailConfig.builder()
                .baseUrl(sandbox.toString())
                .apiKey(SandboxControls.KEY)
                .build());
  }

  @Test
  void sinceIdPagingNeverSkipsOrRepeatsUnderConcurrentInjection() throws Exception {
    int writers = 4;
    int perWriter = 40;
    Set<String> injected = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      running.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < perWriter; i++) {
                  injected.add(inject("w" + writer + "-" + i));
                }
                return null;
              }));
    }

    List<String> seen = new ArrayList<>();
    String since = "0";
    start.countDown();
    boolean writersDone = false;
    while (true) {
      writersDone = writersDone || running.stream().allMatch(Future::isDone);
      EmailPage page = client.listEmails("mbx_auto", EmailQuery.since(since).withLimit(7));
      page.emails().forEach(e -> seen.add(e.id()));
      if (!page.emails().isEmpty()) {
        since = page.emails().get(page.emails().size() - 1).id();
      } else if (writersDone) {
        break;
      }
    }
    for (Future<?> future : running) {
      future.get();
    }
    pool.shutdown();

    assertThat(seen).doesNotHaveDuplicates().isSorted().hasSize(writers * perWriter);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(injected);
  }

  @Test
  void withoutSinceIdTheListIsNewestFirstAndTheCursorWalksEverything() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(SandboxControls.inbound("mbx_auto", "a@example.com", "m" + i, "body " + i));
    }

    EmailPage first = client.listEmails("mbx_auto", EmailQuery.ALL);
    assertThat(first.emails()).hasSize(20);
    List<String> walked = new ArrayList<>();
    EmailPage page = client.listEmails("mbx_auto", EmailQuery.ALL.withLimit(10));
    while (true) {
      page.emails().stream().map(EmailSummary::id).forEach(walked::add);
      if (page.cursor() == null) {
        break;
      }
      page = client.listEmails("mbx_auto", EmailQuery.ALL.withLimit(10).withCursor(page.cursor()));
    }

    List<String> newestFirst = new ArrayList<>(ids);
    Collections.reverse(newestFirst);
    assertThat(walked).containsExactlyElementsOf(newestFirst);
  }

  private String inject(String subject) throws Exception {
    String body =
        "{\"mailbox_id\":\"mbx_auto\",\"from\":\"load@example.com\",\"subject\":\""
            + subject
            + "\",\"markdown\":\"x\"}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox + "sandbox/inbound"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    Matcher matcher = ID.matcher(response.body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
