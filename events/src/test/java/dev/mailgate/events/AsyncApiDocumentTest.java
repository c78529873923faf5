package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes the topics of {@link Topics}, the header names of {@link
 * EventHeaders} and the JSON Schemas of docs/schemas, and nothing else: a renamed topic, header or
 * schema fails here.
 */
class AsyncApiDocumentTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final JsonNode DOCUMENT = read();

  @Test
  void itIsAnAsyncApi3DocumentWithAChannelForEveryTopic() throws IllegalAccessException {
    assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
    Set<String> addresses = new HashSet<>();
    DOCUMENT.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
    for (String topic : constants(Topics.class)) {
      assertThat(addresses)
          .as("a channel for %s", topic)
          .contains(topic.equals(Topics.AUDIT_DLQ) ? "{topic}.dlq" : topic);
    }
    List<String> dlqSources = new ArrayList<>();
    DOCUMENT
        .at("/channels/deadLetters/parameters/topic/enum")
        .forEach(t -> dlqSources.add(t.asText()));
    assertThat(dlqSources).allSatisfy(t -> assertThat(addresses).contains(t));
  }

  @Test
  void everyHeaderItNamesIsOneMailGateWrites() throws IllegalAccessException {
    Set<String> known = new HashSet<>(constants(EventHeaders.class));
    Set<String> named = new HashSet<>();
    DOCUMENT
        .at("/components/messages")
        .forEach(m -> m.at("/headers/properties").fieldNames().forEachRemaining(named::add));
    DOCUMENT
        .at("/components/messageTraits/envelope/headers/properties")
        .fieldNames()
        .forEachRemaining(named::add);
    assertThat(known).containsAll(named);
    assertThat(named).contains(EventHeaders.EVENT_ID, EventHeaders.INTENT_SIGNATURE);
  }

  @Test
  void everyPayloadItReferencesIsAContractSchema() throws IOException {
    Matcher refs =
        Pattern.compile("\\./schemas/([a-z-]+\\.schema\\.json)").matcher(DOCUMENT.toString());
    Set<String> referenced = new HashSet<>();
    while (refs.find()) {
      referenced.add(refs.group(1));
    }
    Set<String> schemas = new HashSet<>();
    try (var files = Files.list(DOCS.resolve("schemas"))) {
      files.forEach(f -> schemas.add(f.getFileName().toString()));
    }
    assertThat(referenced).isEqualTo(schemas);
  }

  @Test
  void theDecisionAndOutcomeTypesAreTheWireValues() {
    List<String> decisions = new ArrayList<>();
    DOCUMENT
        .at("/components/messages/decision/headers/properties/event_type/enum")
        .forEach(t -> decisions.add(t.asText()));
    for (DecisionState state : DecisionState.values()) {
      assertThat(decisions).contains(EventTypes.decision(state));
    }
    assertThat(decisions).contains(EventTypes.REVIEW_ACKNOWLEDGED);
    List<String> outcomes = new ArrayList<>();
    DOCUMENT
        .at("/components/messages/outcome/headers/properties/event_type/enum")
        .forEach(t -> outcomes.add(t.asText()));
    for (OutcomeStatus status : OutcomeStatus.values()) {
      assertThat(outcomes).contains(EventTypes.outcome(status));
    }
  }

  private static List<String> constants(Class<?> holder) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && Modifier.isPublic(field.getModifiers())
          && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
