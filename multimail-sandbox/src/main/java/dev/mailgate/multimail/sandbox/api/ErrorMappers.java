package dev.mailgate.multimail.sandbox.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as MultiMail's {@code {"error": "..."}}; bad JSON is a 400, never a 500. */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response sandbox(SandboxException e) {
    return ApiErrors.of(e.status(), e.getMessage(), e.retryAfterSeconds());
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    if (e instanceof JsonParseException) {
      return ApiErrors.of(400, "Invalid JSON body");
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return ApiErrors.of(400, "Invalid value for field " + field.replace(".[", "["));
    }
    // Records are read through a buffered tree, which loses the field path: say what was expected.
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return ApiErrors.of(
          400,
          "Invalid JSON body: wrong type, expected " + expected(mismatch.getTargetType()) + where);
    }
    return ApiErrors.of(400, "Invalid JSON body");
  }

  /** Overrides Quarkus' built-in mapper, whose body is not MultiMail-shaped. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return json(e);
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    return "an object";
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json);
    }
    String reason = e.getResponse().getStatusInfo().getReasonPhrase();
    return ApiErrors.of(status, status == 404 ? "Not found" : reason);
  }

  @ServerExceptionMapper
  public Response illegalArgument(IllegalArgumentException e) {
    return ApiErrors.of(400, e.getMessage() == null ? "Invalid request" : e.getMessage());
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    Log.error("Unexpected sandbox error", e);
    return ApiErrors.of(500, "Internal error");
  }
}
