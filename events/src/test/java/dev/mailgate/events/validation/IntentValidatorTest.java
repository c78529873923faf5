package dev.mailgate.events.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentValidatorTest {

  private final IntentValidator validator = IntentValidator.withDefaults();

  @Test
  void aWellFormedSendAndReplyHaveNoProblems() {
    assertThat(validator.validate(IntentSamples.send())).isEmpty();
    assertThat(validator.validate(IntentSamples.reply())).isEmpty();
  }

  @Test
  void reportsEveryMissingRequiredFieldAtOnce() {
    List<Problem> problems = validator.validate(IntentSamples.parse("{}"));

    assertThat(problems)
        .filteredOn(p -> p.code().equals("required"))
        .extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "intent_id",
            "mailbox_id",
            "kind",
            "team",
            "role",
            "agent",
            "action",
            "subject",
            "markdown",
            "created_at",
            "to");
  }

  @Test
  void provenanceLabelsMustNotBeBlank() {
    ObjectNode intent = IntentSamples.send();
    intent.put("team", "");
    intent.put("role", "   ");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(tuple("team", "required"), tuple("role", "required"));
  }

  @Test
  void aReplyNeedsTheEmailItRepliesTo() {
    ObjectNode reply = IntentSamples.reply();
    reply.remove("reply_to_email_id");

    assertThat(validator.validate(reply))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("reply_to_email_id", "required"));
  }

  @Test
  void anUnknownKindIsNamed() {
    ObjectNode intent = IntentSamples.send();
    intent.put("kind", "forward");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code, Problem::message)
        .containsExactly(tuple("kind", "invalid_enum", "must be one of reply, send"));
  }

  @Test
  void wrongJsonTypesAreReportedPerField() {
    ObjectNode intent = IntentSamples.send();
    intent.put("subject", 42);
    intent.putObject("markdown");
    intent.put("to", "customer@example.com");
    intent.putArray("cc").add(7).add(true);
    intent.put("created_at", 1_700_000_000);

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(
            tuple("subject", "type"),
            tuple("markdown", "type"),
            tuple("to", "type"),
            tuple("to", "required"),
            tuple("cc[0]", "type"),
            tuple("cc[1]", "type"),
            tuple("created_at", "type"));
  }

  @Test
  void aRootThatIsNotAnObjectIsOneProblem() {
    assertThat(validator.validate(IntentSamples.parse("[1,2]")))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("$", "type"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.com",
        "a@",
        "a@b",
        "a b@example.com",
        "a@exa mple.com",
        "Alice <alice@example.com>",
        "a..b@example.com",
        "a@-example.com",
        "a@example..com"
      })
  void rejectsWhatIsNotABareAddress(String address) {
    ObjectNode intent = IntentSamples.send();
    intent.putArray("to").add(address);

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("to[0]", "invalid_address"));
  }

  @Test
  void acceptsPlusTagsSubdomainsAndLongTlds() {
    ObjectNode intent = IntentSamples.send();
    intent.putArray("to").add("first.last+tag@mail.eu.example.co").add("x_y-z@example.technology");

    assertThat(validator.validate(intent)).isEmpty();
  }

  @Test
  void headerInjectionInSubjectOrAddressesIsRefused() {
    ObjectNode intent = IntentSamples.send();
    intent.put("subject", "Hello\r\nBcc: everyone@victim.example");
    intent.putArray("to").add("customer@example.com\nBcc: x@evil.example");
    intent.putArray("cc").add("ok@example.com\r");
    intent.put("team", "acme\nX-Injected: 1");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(
            tuple("subject", "header_injection"),
            tuple("to[0]", "header_injection"),
            tuple("cc[0]", "header_injection"),
            tuple("team", "header_injection"));
  }

  @Test
  void theBodyMayHaveLineBreaksButNoOtherControlCharacters() {
    ObjectNode intent = IntentSamples.send();
    intent.put("markdown", "line one\r\nline two\ttabbed\u0000nul");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("markdown", "control_character"));
  }

  @Test
  void duplicateRecipientsAcrossListsAreNamedWhereTheyRepeat() {
    ObjectNode intent = IntentSamples.send();
    intent.putArray("cc").add("Customer@Example.com");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("cc[0]", "duplicate"));
  }

  @Test
  void idsAreOpaqueButPlain() {
    ObjectNode intent = IntentSamples.send();
    intent.put("intent_id", "../../etc/passwd");
    intent.put("mailbox_id", "x".repeat(129));

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(
            tuple("intent_id", "invalid_format"), tuple("mailbox_id", "too_long"));
  }

  @Test
  void createdAtMustBeAnInstant() {
    ObjectNode intent = IntentSamples.send();
    intent.put("created_at", "yesterday");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactly(tuple("created_at", "invalid_format"));
  }

  @Test
  void blankSubjectAndBodyAreMissing() {
    ObjectNode intent = IntentSamples.send();
    intent.put("subject", "   ");
    intent.put("markdown", "");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(tuple("subject", "required"), tuple("markdown", "required"));
  }

  @Test
  void attachmentsAreCheckedForShapeNameTypeAndBase64() {
    ObjectNode intent = IntentSamples.send();
    ArrayNode attachments = intent.putArray("attachments");
    attachments
        .addObject()
        .put("name", "ok.txt")
        .put("content_type", "text/plain")
        .put("content_base64", "aGk=");
    attachments
        .addObject()
        .put("name", "../../x.sh")
        .put("content_type", "text plain")
        .put("content_base64", "%%%");
    attachments.addObject().put("name", "no-content.txt").put("content_type", "text/plain");
    attachments.add("not an object");

    assertThat(validator.validate(intent))
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(
            tuple("attachments[1].name", "invalid_format"),
            tuple("attachments[1].content_type", "invalid_format"),
            tuple("attachments[1].content_base64", "invalid_format"),
            tuple("attachments[2].content_base64", "required"),
            tuple("attachments[3]", "type"));
  }

  @Test
  void attachmentsTooManyOrTooLargeAreRefused() {
    ObjectNode many = IntentSamples.send();
    ArrayNode list = many.putArray("attachments");
    for (int i = 0; i < 11; i++) {
      list.addObject()
          .put("name", "f" + i)
          .put("content_type", "text/plain")
          .put("content_base64", "aGk=");
    }
    ObjectNode large = IntentSamples.send();
    String big = java.util.Base64.getEncoder().encodeToString(new byte[600 * 1024]);
    large
        .putArray("attachments")
        .addObject()
        .put("name", "big.bin")
        .put("content_type", "application/octet-stream")
        .put("content_base64", big);

    assertThat(validator.validate(many)).extracting(Problem::code).containsExactly("too_many");
    assertThat(validator.validate(large)).extracting(Problem::code).containsExactly("too_large");
  }

  @Test
  void aTypedIntentIsValidatedLikeItsJson() throws Exception {
    var intent =
        EventJson.mapper().treeToValue(IntentSamples.send(), dev.mailgate.events.EmailIntent.class);

    assertThat(validator.validate(intent)).isEmpty();
  }
}
