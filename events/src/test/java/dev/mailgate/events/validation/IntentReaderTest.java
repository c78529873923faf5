package dev.mailgate.events.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntentReaderTest {

  private final IntentReader reader = IntentReader.withDefaults();

  @Test
  void aValidRecordBecomesATypedIntent() {
    IntentReader.Result result = reader.read(bytes(IntentSamples.send().toString()));

    assertThat(result).isInstanceOf(IntentReader.Valid.class);
    var intent = ((IntentReader.Valid) result).intent();
    assertThat(intent.kind()).isEqualTo(IntentKind.SEND);
    assertThat(intent.to()).containsExactly("customer@example.com");
  }

  @Test
  void notJsonIsMalformed() {
    assertThat(problems(reader.read(bytes("this is not json"))))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("$", "malformed_json"));
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] raw = bytes("{\"intent_id\":\"a\",\"subject\":\"x\"}");
    raw[raw.length - 3] = (byte) 0xC3; // a UTF-8 lead byte followed by an ASCII quote

    assertThat(problems(reader.read(raw)))
        .extracting(Problem::code)
        .containsExactly("malformed_json");
  }

  @Test
  void emptyAndOversizedRecordsAreRefusedBeforeParsing() {
    byte[] huge = new byte[IntentLimits.defaults().maxRecordBytes() + 1];

    assertThat(problems(reader.read(new byte[0])))
        .extracting(Problem::code)
        .containsExactly("empty");
    assertThat(problems(reader.read(null))).extracting(Problem::code).containsExactly("empty");
    assertThat(problems(reader.read(huge))).extracting(Problem::code).containsExactly("too_large");
  }

  @Test
  void anInvalidIntentKeepsItsIdsSoTheRejectionCanBeReported() {
    var json = IntentSamples.send();
    json.put("subject", "a\nb");

    IntentReader.Invalid invalid = (IntentReader.Invalid) reader.read(bytes(json.toString()));

    assertThat(invalid.intentId()).contains("01JD7Z9K3M4N5P6Q7R8S9T0VWX");
    assertThat(invalid.mailboxId()).contains("mbx_support");
    assertThat(invalid.problems()).extracting(Problem::code).containsExactly("header_injection");
  }

  @Test
  void hostileIdsAreNotEchoedBack() {
    var json = IntentSamples.send();
    json.put("intent_id", "'; DROP TABLE intent; --");

    IntentReader.Invalid invalid = (IntentReader.Invalid) reader.read(bytes(json.toString()));

    assertThat(invalid.intentId()).isEqualTo(Optional.empty());
  }

  private static java.util.List<Problem> problems(IntentReader.Result result) {
    assertThat(result).isInstanceOf(IntentReader.Invalid.class);
    return ((IntentReader.Invalid) result).problems();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
