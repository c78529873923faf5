package dev.mailgate.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.service.AuditQueryService;
import dev.mailgate.audit.service.EventFilter;
import dev.mailgate.audit.service.TrailEntry;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Streams every event matching a filter as JSON Lines or CSV, a page at a time, so an export of
 * millions of rows holds one page in memory and no long transaction.
 */
@Path("/audit/export")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "trail")
public class ExportResource {

  public static final String JSON_LINES = "application/x-ndjson";
  public static final String CSV = "text/csv";

  private final AuditQueryService query;
  private final CurrentCaller caller;
  private final AuditConfig config;
  private final ObjectMapper mapper;

  public ExportResource(
      AuditQueryService query, CurrentCaller caller, AuditConfig config, ObjectMapper mapper) {
    this.query = query;
    this.caller = caller;
    this.config = config;
    this.mapper = mapper;
  }

  @GET
  @Operation(summary = "Export events matching a filter (same filters as /audit/events)")
  public Response export(
      @QueryParam("format") @Parameter(description = "jsonl (default) or csv") String format,
      @BeanParam FilterParams params) {
    boolean csv = "csv".equals(format);
    if (format != null && !csv && !"jsonl".equals(format)) {
      throw ApiProblem.badRequest("format must be jsonl or csv");
    }
    EventFilter filter = params.toFilter(caller.get().scope(), config.query(), false);
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          if (csv) {
            writer.write(CsvRow.HEADER);
          }
          EventFilter next = filter;
          while (next != null) {
            AuditQueryService.Page page = query.search(next);
            for (TrailEntry entry : page.items()) {
              writer.write(csv ? CsvRow.of(entry) : mapper.writeValueAsString(entry) + "\n");
            }
            writer.flush();
            next =
                page.nextCursor() == null
                    ? null
                    : next.after(dev.mailgate.audit.service.Cursor.decode(page.nextCursor()).get());
          }
          writer.flush();
        };
    return Response.ok(body, csv ? CSV + "; charset=utf-8" : JSON_LINES)
        .header(
            "Content-Disposition", "attachment; filename=\"audit." + (csv ? "csv" : "jsonl") + "\"")
        .build();
  }
}
