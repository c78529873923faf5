package dev.mailgate.audit.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One canonical text per JSON value (keys sorted, no whitespace, numbers in plain form), so a
 * payload hashes the same when written and when read back from PostgreSQL's {@code jsonb}, which
 * reorders keys and reformats numbers.
 */
public final class CanonicalJson {

  private static final int MAX_NUMBER_SCALE = 1000;

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static final JsonFactory FACTORY = new JsonFactory();

  private CanonicalJson() {}

  /** Parses UTF-8 JSON strictly (no trailing garbage, no duplicate keys). */
  public static JsonNode parse(byte[] json) throws IOException {
    return STRICT.readTree(json);
  }

  /** Parses JSON text strictly. */
  public static JsonNode parse(String json) throws JsonProcessingException {
    return STRICT.readTree(json);
  }

  /** The canonical text of a JSON text, or null for null. */
  public static String canonicalize(String json) {
    if (json == null) {
      return null;
    }
    try {
      return write(parse(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }

  /**
   * Why PostgreSQL's jsonb could not hold {@code node} as it is (a NUL character, an unpaired
   * surrogate, a number beyond numeric's range), or null when it can.
   */
  public static String unstorableReason(JsonNode node) {
    if (node.isTextual()) {
      return Text.isStorable(node.textValue()) ? null : "a string holds NUL or invalid Unicode";
    }
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      return Math.abs(value.scale()) > MAX_NUMBER_SCALE ? "a number is out of range" : null;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!Text.isStorable(field.getKey())) {
        return "a field name holds NUL or invalid Unicode";
      }
      String reason = unstorableReason(field.getValue());
      if (reason != null) {
        return reason;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        String reason = unstorableReason(element);
        if (reason != null) {
          return reason;
        }
      }
    }
    return null;
  }

  /** The canonical text of {@code node}. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.properties().forEach(field -> names.add(field.getKey()));
      names.sort(null);
      out.writeStartObject();
      for (String name : names) {
        out.writeFieldName(name);
        write(node.get(name), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(element, out);
      }
      out.writeEndArray();
    } else if (node.isNumber()) {
      out.writeNumber(plain(node.decimalValue()));
    } else if (node.isTextual()) {
      out.writeString(node.textValue());
    } else if (node.isBoolean()) {
      out.writeBoolean(node.booleanValue());
    } else {
      out.writeNull();
    }
  }

  private static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
