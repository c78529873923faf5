package dev.mailgate.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentKeysTest {

  @Test
  void punctuationCaseAndReplyPrefixesDoNotMakeADifferentEmail() {
    ContentKeys a =
        ContentKeys.of(
            "Re: Release notes",
            "Version 2.0 is OUT!",
            List.of("A@x.example.com", "b@x.example.com"));
    ContentKeys b =
        ContentKeys.of(
            "release notes", "version 2 0 is out", List.of("b@x.example.com", "a@x.example.com"));

    assertThat(a.contentHash()).isEqualTo(b.contentHash());
    assertThat(a.recipientsHash()).isEqualTo(b.recipientsHash());
    assertThat(a.subjectKey()).isEqualTo("release notes");
  }

  @Test
  void nearIdenticalTextsHaveCloseFingerprintsAndUnrelatedOnesDoNot() {
    long original =
        SimHash.of(
            ContentKeys.normalise(
                "Your ticket 4411 has been resolved, please confirm the fix works for you today and reply to this email"));
    long edited =
        SimHash.of(
            ContentKeys.normalise(
                "Your ticket 4411 has been resolved; please confirm the fix works for you today and reply to this email!!"));
    long typo =
        SimHash.of(
            ContentKeys.normalise(
                "Your ticket 4411 has been resolved, please confirm the fix works for you today and reply to this mail"));
    long unrelated =
        SimHash.of(
            ContentKeys.normalise(
                "Attached is your invoice for November, payable within thirty days of receipt by bank transfer"));

    assertThat(SimHash.distance(original, edited)).isZero();
    assertThat(SimHash.distance(original, typo)).isLessThan(SimHash.distance(original, unrelated));
    assertThat(SimHash.distance(original, unrelated)).isGreaterThan(3);
  }

  @Test
  void differentRecipientsMakeADifferentRecipientSet() {
    assertThat(ContentKeys.of("s", "b", List.of("a@x.example.com")).recipientsHash())
        .isNotEqualTo(
            ContentKeys.of("s", "b", List.of("a@x.example.com", "c@x.example.com"))
                .recipientsHash());
  }
}
