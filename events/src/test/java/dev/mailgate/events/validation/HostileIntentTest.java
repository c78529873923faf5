package dev.mailgate.events.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input built to hurt: huge, numerous, malformed at the character level. */
class HostileIntentTest {

  private final IntentValidator validator = IntentValidator.withDefaults();

  @Test
  void aMegabyteSubjectIsOneTooLongProblem() {
    ObjectNode intent = IntentSamples.send();
    intent.put("subject", "A".repeat(1024 * 1024));

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code, Problem::message)
        .containsExactly(
            tuple("subject", "too_long", "has 1048576 characters, at most 998 allowed"));
  }

  @Test
  void tenThousandRecipientsAreRefusedWithABoundedReport() {
    ObjectNode intent = IntentSamples.send();
    ArrayNode to = intent.putArray("to");
    for (int i = 0; i < 10_000; i++) {
      to.add("r" + i + "@example.com");
    }

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("to", "too_many"));
  }

  @Test
  void tenThousandBadRecipientsStillYieldACappedList() {
    ObjectNode intent = IntentSamples.send();
    ArrayNode to = intent.putArray("to");
    for (int i = 0; i < 10_000; i++) {
      to.add("not-an-address-" + i);
    }

    List<Problem> problems = validator.validate(intent);

    assertThat(problems).hasSize(validator.limits().maxProblems() + 1);
    assertThat(problems.get(0))
        .isEqualTo(
            new Problem("to[0]", "invalid_address", "is not an email address (local@domain.tld)"));
    assertThat(problems.get(problems.size() - 1).code()).isEqualTo("too_many_problems");
    assertThat(problems.get(problems.size() - 1).message())
        .isEqualTo("9901 more problems not listed");
  }

  @Test
  void unpairedSurrogatesAreInvalidUnicode() {
    ObjectNode intent =
        IntentSamples.parse(
                IntentSamples.send()
                    .toString()
                    .replace("\"Project update\"", "\"Project \\ud800 update\"")
                    .replace("\"Alice\"", "\"Ali\\udc00ce\""))
            .deepCopy();

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(
            tuple("subject", "invalid_unicode"), tuple("agent", "invalid_unicode"));
  }

  @Test
  void aProperSurrogatePairIsFine() {
    ObjectNode intent = IntentSamples.send();
    intent.put("subject", "Launch \uD83D\uDE80 today");

    assertThat(validator.validate(intent)).isEmpty();
  }

  @Test
  void aHugeAddressDoesNotReachTheRegex() {
    ObjectNode intent = IntentSamples.send();
    intent.putArray("to").add("a".repeat(100_000) + "@example.com");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("to[0]", "invalid_address"));
  }

  @Test
  void everyFieldOfTheWrongTypeAtOnce() {
    ObjectNode intent =
        IntentSamples.parse(
                "{\"intent_id\":1,\"kind\":[],\"mailbox_id\":{},\"team\":true,\"role\":null,"
                    + "\"agent\":1.5,\"action\":\"a\",\"to\":{},\"cc\":5,\"bcc\":\"x\",\"subject\":[],"
                    + "\"markdown\":false,\"attachments\":{},\"created_at\":[]}")
            .deepCopy();

    assertThat(validator.validate(intent))
        .extracting(Problem::path)
        .contains(
            "intent_id",
            "kind",
            "mailbox_id",
            "team",
            "role",
            "agent",
            "to",
            "cc",
            "bcc",
            "subject",
            "markdown",
            "attachments",
            "created_at");
  }
}
