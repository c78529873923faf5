package dev.mailgate.support.logging;

import dev.mailgate.outbox.logging.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/**
 * Puts what a REST request is about into the logging MDC, so every line written while it is handled
 * carries it (in JSON logs the {@code mdc} field), as {@link LogContext} does for records: {@code
 * intent_id} from the path of a review, a console item or a timeline, {@code mailbox_id} from a
 * mailbox's path. Removed again when the response is written.
 */
@Provider
public class RequestLogContext implements ContainerRequestFilter, ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
    String path = request.getUriInfo().getPath();
    String id = params.getFirst("id");
    put(LogContext.INTENT_ID, params.getFirst("intentId"));
    if (id != null && (path.startsWith("/api/reviews/") || path.startsWith("/console/items/"))) {
      put(LogContext.INTENT_ID, id);
    }
    put(LogContext.MAILBOX_ID, params.getFirst("mailboxId"));
    if (id != null && path.startsWith("/api/mailboxes/")) {
      put(LogContext.MAILBOX_ID, id);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MDC.remove(LogContext.INTENT_ID);
    MDC.remove(LogContext.MAILBOX_ID);
  }

  private static void put(String key, String value) {
    if (value != null && !value.isBlank()) {
      MDC.put(key, value.length() > 200 ? value.substring(0, 200) : value);
    }
  }
}
