package dev.mailgate.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

  private static List<String> values(String kind, String body) {
    return FactExtractor.of("", body).stream()
        .filter(f -> f.kind().equals(kind))
        .map(f -> f.key().isEmpty() ? f.value() : f.key() + "=" + f.value())
        .toList();
  }

  @Test
  void datesInManyFormatsCompareEqual() {
    for (String date :
        List.of(
            "December 3",
            "Dec 3",
            "Dec. 3rd",
            "3 Dec",
            "3rd of December",
            "2026-12-03",
            "12/03/2026",
            "December 3, 2026")) {
      assertThat(values("date", "We ship on " + date + ".")).as(date).containsExactly("12-03");
    }
    assertThat(values("weekday", "See you on Tuesday.")).containsExactly("tue");
    assertThat(values("month", "Pricing changes in February.")).containsExactly("02");
  }

  @Test
  void timesAmountsPercentagesVersionsAndQuantities() {
    assertThat(values("time", "at 3pm, 3:00 PM or 15:00")).containsExactly("15:00");
    assertThat(values("amount", "$1,200 or USD 1200 or 1,200 dollars, and €99"))
        .containsExactly("USD 1200.00", "EUR 99.00");
    assertThat(values("percent", "15% or 15 percent")).containsExactly("15%");
    assertThat(values("version", "v2.4, version 2.4 and 2.4.0")).containsExactly("2.4");
    assertThat(values("quantity", "We reserved 50 seats and two engineers."))
        .containsExactly("seat=50", "engineer=2");
  }

  @Test
  void yesNoStatementsAreKeyedByTheirVerbAndAmbiguityIsLeftOut() {
    assertThat(values("yes_no", "The setup fee is not included.")).containsExactly("includ=no");
    assertThat(values("yes_no", "Okta SSO will be supported; we won't charge extra."))
        .contains("support=yes", "charg=no");
    assertThat(values("yes_no", "Support is included. Training is not included.")).isEmpty();
  }

  @Test
  void onlyTheAuthorsOwnTextCountsNotGreetingSignatureOrQuote() {
    String reply =
        "Hi Dana,\n\nThe export ships on December 10.\n\nBest,\nBob\nCall me at 555 0100 on Monday\n\n"
            + "On Tue, Dec 1, 2026 at 9:14 AM Alice <alice@example.com> wrote:\n"
            + "> The export ships on December 3.";
    assertThat(values("date", reply)).containsExactly("12-10");
    assertThat(values("weekday", reply)).isEmpty();
    assertThat(Boilerplate.strip("> quoted first\nHello,\nour own words\n-- \nsig"))
        .isEqualTo("our own words");
  }

  @Test
  void correctionsAreMarkedAndDifferencesIgnoreOrderAndExtras() {
    ContentKeys correction =
        ContentKeys.of("Correction: launch date", "Sorry, the launch is on May 10.", List.of());
    assertThat(Fact.decode(correction.facts())).extracting(Fact::kind).contains("correction");
    List<Fact> a = FactExtractor.of("", "Price $99, launch May 3, 20 seats.");
    List<Fact> b = FactExtractor.of("", "20 seats, launch on 3 May for USD 99 and 5% off.");
    assertThat(ConflictFact.between(b, a)).isEmpty();
    List<Fact> c = FactExtractor.of("", "Launch May 10, price $99.");
    assertThat(ConflictFact.between(c, a))
        .extracting(ConflictFact::describe)
        .containsExactly("date: May 10 vs May 3");
  }

  @Test
  void aHugeOrHostileBodyIsReadBoundedly() {
    String huge = "We ship on December 3. 50 seats $10 ".repeat(100_000);
    assertThat(FactExtractor.of("s", huge)).hasSizeLessThanOrEqualTo(FactExtractor.MAX_FACTS);
    assertThat(TopicTerms.of("s", huge).split(" ")).hasSizeLessThanOrEqualTo(TopicTerms.MAX_TERMS);
    assertThat(FactExtractor.of(null, null)).isEmpty();
    assertThat(TopicTerms.of(null, "")).isEmpty();
    assertThat(FactExtractor.of("", "|||\n\n> > >\nOn wrote:")).isEmpty();
  }
}
