package dev.mailgate.approval.console;

import dev.mailgate.approval.service.review.Cursor;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The queue: held, conflict or monitored items of the reviewer's mailboxes with filters, counts per
 * mailbox, held inbound mail, keyset pages; {@code /rows} is the fragment the page polls.
 */
@Path("/console/queue")
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

  /** The queue's query parameters. */
  public static class Query {
    @RestQuery String view;
    @RestQuery String mailbox;
    @RestQuery String team;
    @RestQuery String role;
    @RestQuery String q;
    @RestQuery String sort;
    @RestQuery String after;

    QueueFilter filter() {
      return QueueFilter.of(view, mailbox, team, role, q, sort, after);
    }
  }

  private final ConsoleSessions sessions;
  private final ConsoleQueries queries;
  private final ConsoleConfig config;

  private final Clock clock;

  public QueuePage(
      ConsoleSessions sessions, ConsoleQueries queries, ConsoleConfig config, Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.queries = queries;
    this.config = config;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance page(
      @CookieParam(ConsoleSessions.COOKIE) String cookie, @BeanParam Query query) {
    ConsoleSession session = sessions.open(cookie);
    QueueFilter filter = query.filter();
    return Views.queue(model(session, filter, true), session);
  }

  @GET
  @Path("/rows")
  @Operation(hidden = true)
  public TemplateInstance rows(
      @CookieParam(ConsoleSessions.COOKIE) String cookie, @BeanParam Query query) {
    ConsoleSession session = sessions.open(cookie);
    QueueFilter filter = query.filter();
    return Views.rows(model(session, filter, false));
  }

  @GET
  @Path("/counts")
  @Operation(hidden = true)
  public TemplateInstance counts(@CookieParam(ConsoleSessions.COOKIE) String cookie) {
    ConsoleSession session = sessions.open(cookie);
    return Views.counts(
        new Models.Queue(
            QueueFilter.of(null, null, null, null, null, null, null),
            List.of(),
            queries.counts(session.caller()),
            List.of(),
            null,
            "",
            config.pollSeconds(),
            List.of()));
  }

  private Models.Queue model(ConsoleSession session, QueueFilter filter, boolean full) {
    Instant now = clock.instant();
    var caller = session.caller();
    boolean inboundView = filter.view().equals("inbound");
    var page =
        inboundView
            ? new ConsoleQueries.Page(List.of(), Optional.empty())
            : queries.list(filter, caller, config.pageSize());
    return new Models.Queue(
        filter,
        page.items().stream().map(i -> Models.Row.of(i, now)).toList(),
        full ? queries.counts(caller) : List.of(),
        full || inboundView
            ? queries.heldInbound(caller, filter.mailbox(), config.pageSize()).stream()
                .map(i -> Models.Inbound.of(i, now))
                .toList()
            : List.of(),
        page.next().map(Cursor::encode).orElse(null),
        query(filter),
        config.pollSeconds(),
        full ? queries.recentReasons(caller, 8) : List.of());
  }

  /** The filter as a query string (without the page position), for the poll and page links. */
  static String query(QueueFilter f) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("view", f.view());
    params.put("mailbox", f.mailbox());
    params.put("team", f.team());
    params.put("role", f.role());
    params.put("q", f.text());
    params.put("sort", f.sort());
    return params.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
