package dev.mailgate.approval.console;

import dev.mailgate.approval.service.review.Cursor;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The queue: held, conflict or monitored items of the reviewer's mailboxes with filters, counts per
 * mailbox, held inbound mail, keyset pages; {@code /rows} is the fragment the page polls.
 */
@Path("/console/queue")
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

  private final ConsoleSessions sessions;
  private final ConsoleQueries queries;
  private final ConsoleConfig config;

  public QueuePage(ConsoleSessions sessions, ConsoleQueries queries, ConsoleConfig config) {
    this.sessions = sessions;
    this.queries = queries;
    this.config = config;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance page(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @QueryParam("view") String view,
      @QueryParam("mailbox") String mailbox,
      @QueryParam("team") String team,
      @QueryParam("role") String role,
      @QueryParam("q") String text,
      @QueryParam("sort") String sort,
      @QueryParam("after") String after) {
    ConsoleSession session = sessions.open(cookie);
    QueueFilter filter = QueueFilter.of(view, mailbox, team, role, text, sort, after);
    return Views.queue(model(session, filter, true), session);
  }

  @GET
  @Path("/rows")
  @Operation(hidden = true)
  public TemplateInstance rows(
      @CookieParam(ConsoleSessions.COOKIE) String cookie,
      @QueryParam("view") String view,
      @QueryParam("mailbox") String mailbox,
      @QueryParam("team") String team,
      @QueryParam("role") String role,
      @QueryParam("q") String text,
      @QueryParam("sort") String sort,
      @QueryParam("after") String after) {
    ConsoleSession session = sessions.open(cookie);
    QueueFilter filter = QueueFilter.of(view, mailbox, team, role, text, sort, after);
    return Views.rows(model(session, filter, false));
  }

  private Models.Queue model(ConsoleSession session, QueueFilter filter, boolean full) {
    Instant now = Instant.now();
    var caller = session.caller();
    boolean inboundView = filter.view().equals("inbound");
    var page =
        inboundView
            ? new ConsoleQueries.Page(java.util.List.of(), java.util.Optional.empty())
            : queries.list(filter, caller, config.pageSize());
    return new Models.Queue(
        filter,
        page.items().stream().map(i -> Models.Row.of(i, now)).toList(),
        full ? queries.counts(caller) : java.util.List.of(),
        full || inboundView
            ? queries.heldInbound(caller, filter.mailbox(), config.pageSize()).stream()
                .map(i -> Models.Inbound.of(i, now))
                .toList()
            : java.util.List.of(),
        page.next().map(Cursor::encode).orElse(null),
        query(filter),
        config.pollSeconds(),
        full ? queries.recentReasons(caller, 8) : java.util.List.of());
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
