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

  @Test
  void normalisingKeepsLettersAndNumbersOfEveryScriptAndNothingElse() {
    java.util.regex.Pattern nonWord = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    java.util.Random random = new java.util.Random(11);
    int[] pool = {
      'a', 'Z', '7', ' ', '\n', '-', '!', 'é', 'ß', 'Ж', '中', '٣', 'Ⅻ', '½', 0x1F600, 0x1D400,
      '\u200b', '_', '\t'
    };
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.appendCodePoint(pool[random.nextInt(pool.length)]);
      }
      String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
      assertThat(ContentKeys.normalise(text.toString()))
          .as("%s", text)
          .isEqualTo(nonWord.matcher(lower).replaceAll(" ").trim());
    }
  }
}
