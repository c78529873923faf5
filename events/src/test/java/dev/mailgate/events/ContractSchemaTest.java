package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas, the golden fixtures and the Java records describe one contract. */
class ContractSchemaTest {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig STRICT_FORMATS =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  static JsonSchema schemaOf(Payload payload) {
    return FACTORY.getSchema(Fixtures.schema(payload), STRICT_FORMATS);
  }

  static java.util.List<Fixtures.Fixture> fixtures() {
    return Fixtures.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureIsValidAgainstItsSchema(Fixtures.Fixture fixture) {
    Set<ValidationMessage> errors = schemaOf(fixture.payload()).validate(fixture.tree());

    assertThat(errors).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureDeserialisesAndWritesBackIdentically(Fixtures.Fixture fixture) throws Exception {
    Record value = EventJson.mapper().readValue(fixture.bytes(), fixture.payload().type());

    JsonNode written = EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(value));

    assertThat(written).isEqualTo(fixture.tree());
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void schemaPropertiesAreExactlyTheRecordComponents(Payload payload) {
    Set<String> schemaFields = new HashSet<>();
    Fixtures.schema(payload).get("properties").fieldNames().forEachRemaining(schemaFields::add);

    Set<String> recordFields =
        Arrays.stream(payload.type().getRecordComponents())
            .map(c -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()))
            .collect(Collectors.toSet());

    assertThat(schemaFields).isEqualTo(recordFields);
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void everyPayloadHasAGoldenFixture(Payload payload) {
    assertThat(Fixtures.all()).anyMatch(f -> f.payload() == payload);
  }

  @Test
  void theSchemaRejectsWhatTheContractForbids() throws Exception {
    JsonSchema schema = schemaOf(Payload.EMAIL_INTENT);
    JsonNode valid =
        Fixtures.all().stream()
            .filter(f -> f.fileName().equals("email-intent.send.json"))
            .findFirst()
            .orElseThrow()
            .tree();

    assertThat(schema.validate(withField(valid, "subject", "\"Hi\\r\\nBcc: x@evil.example\"")))
        .isNotEmpty();
    assertThat(schema.validate(withField(valid, "kind", "\"forward\""))).isNotEmpty();
    assertThat(schema.validate(withField(valid, "to", "\"customer@example.com\""))).isNotEmpty();
    assertThat(schema.validate(withField(valid, "to", "[]"))).isNotEmpty();
    assertThat(schema.validate(withField(valid, "to", "[\"not an address\"]"))).isNotEmpty();
    assertThat(schema.validate(withField(valid, "kind", "\"reply\""))).isNotEmpty();
  }

  private static JsonNode withField(JsonNode node, String field, String json) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
    copy.set(field, EventJson.mapper().readTree(json));
    return copy;
  }
}
