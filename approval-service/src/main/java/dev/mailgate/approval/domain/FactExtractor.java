package dev.mailgate.approval.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates, times, amounts, percentages, versions and quantities an email states in its own
 * text (after {@link Boilerplate}), normalised so that "December 3", "Dec. 3rd" and "2026-12-03"
 * compare equal. Each match is masked before the next pattern runs, so a price is not also a
 * quantity. Yes/no statements come from {@link Statements}.
 */
public final class FactExtractor {

  /** Most facts kept per email. */
  static final int MAX_FACTS = 40;

  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String NUM = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?";
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern SLASH =
      Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
  private static final Pattern MONTH_DAY =
      Pattern.compile("\\b(?=[adfjmnos])" + MONTH + "\\s+" + DAY + "\\b(?:,?\\s+(\\d{4})\\b)?");
  private static final Pattern DAY_MONTH =
      Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:\\s+(\\d{4}))?\\b");
  private static final Pattern MONTH_ONLY =
      Pattern.compile(
          "\\b(?=[ibfutdelms])(?:in|by|from|until|till|before|after|during|early|late|mid|end of"
              + "|start of|since)"
              + "\\s+(?:-\\s*)?"
              + MONTH
              + "(?!\\s*\\d)\\b");
  private static final Pattern WEEKDAY =
      Pattern.compile("\\b(?=[mtwfs])(mon|tues|wednes|thurs|fri|satur|sun)day\\b");
  private static final Pattern TIME =
      Pattern.compile(
          "(?=[\\dnm])(?:\\b(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])|\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b|\\b(noon|midday|midnight)\\b)");
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?=[$€£uegcad\\d])(?:(\\$|€|£|\\b(?:usd|eur|gbp|chf|cad|aud)\\s?)"
              + NUM
              + "(?:\\s?(k|m)\\b)?|\\b"
              + NUM
              + "(?:\\s?(k|m)\\b)?\\s?(€|\\$|£|\\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?)\\b))");
  private static final Pattern PERCENT =
      Pattern.compile("\\b(\\d+(?:\\.\\d+)?)\\s?(?:%|percent\\b|per cent\\b)");
  private static final Pattern VERSION =
      Pattern.compile(
          "(?=[vrb\\d])(?:\\b(?:v|version\\s+|release\\s+|build\\s+)(\\d+(?:\\.\\d+){0,3})\\b|\\b(\\d+\\.\\d+\\.\\d+)\\b)");
  private static final Pattern QUANTITY =
      Pattern.compile(
          "(?=[\\dotfsena])\\b(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine"
              + "|ten|eleven|twelve|a dozen|a couple of)\\s+(?:(?:more|extra|additional|new|free"
              + "|business|working|calendar|full|paid|user|of)\\s+)?([a-z]{2,})");
  private static final Map<String, String> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("one", "1"),
          Map.entry("two", "2"),
          Map.entry("three", "3"),
          Map.entry("four", "4"),
          Map.entry("five", "5"),
          Map.entry("six", "6"),
          Map.entry("seven", "7"),
          Map.entry("eight", "8"),
          Map.entry("nine", "9"),
          Map.entry("ten", "10"),
          Map.entry("eleven", "11"),
          Map.entry("twelve", "12"),
          Map.entry("a dozen", "12"),
          Map.entry("a couple of", "2"));
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private FactExtractor() {}

  /** The facts of an email's own text (subject included), in order of kind. */
  public static List<Fact> of(String subject, String markdown) {
    return ofOwn(subject, Boilerplate.strip(markdown));
  }

  /** The facts of an email whose body is already cut to its own text ({@link Boilerplate}). */
  static List<Fact> ofOwn(String subject, String own) {
    String text =
        ((subject == null ? "" : subject.toLowerCase(Locale.ROOT)) + "\n" + own).replace('’', '\'');
    StringBuilder masked = new StringBuilder(text);
    List<Fact> facts = new ArrayList<>();
    boolean digits = text.chars().anyMatch(Character::isDigit);
    boolean months = hasMonth(text);
    if (digits) {
      scanIf(
          text.indexOf('-') >= 0,
          masked,
          ISO,
          facts,
          m -> fact("date", "", md(m.group(2), m.group(3)), m));
      scanIf(
          hasAny(text, CURRENCY_HINTS),
          masked,
          AMOUNT,
          facts,
          m -> fact("amount", "", amount(m), m));
      scanIf(
          hasAny(text, PERCENT_HINTS),
          masked,
          PERCENT,
          facts,
          m -> fact("percent", "", number(m.group(1)) + "%", m));
      scan(masked, VERSION, facts, m -> fact("version", "", version(m), m));
    }
    scanIf(hasAny(text, TIME_HINTS), masked, TIME, facts, m -> fact("time", "", time(m), m));
    scanIf(
        digits && months,
        masked,
        MONTH_DAY,
        facts,
        m -> fact("date", "", md(month(m.group(1)), m.group(2)), m));
    scanIf(
        digits && months,
        masked,
        DAY_MONTH,
        facts,
        m -> fact("date", "", md(month(m.group(2)), m.group(1)), m));
    scanIf(digits && text.indexOf('/') >= 0, masked, SLASH, facts, m -> slashDate(m));
    scanIf(months, masked, MONTH_ONLY, facts, m -> fact("month", "", month(m.group(1)), m));
    scanIf(
        text.contains("day"),
        masked,
        WEEKDAY,
        facts,
        m -> fact("weekday", "", m.group(1).substring(0, 3), m));
    scan(masked, QUANTITY, facts, FactExtractor::quantity);
    facts.addAll(Statements.of(masked.toString()));
    java.util.Map<String, Fact> distinct = new java.util.LinkedHashMap<>();
    facts.forEach(f -> distinct.putIfAbsent(f.kind() + "|" + f.key() + "|" + f.value(), f));
    return distinct.values().stream().limit(MAX_FACTS).toList();
  }

  private static final List<String> CURRENCY_HINTS =
      List.of("$", "€", "£", "usd", "eur", "gbp", "chf", "cad", "aud", "dollar", "pound");
  private static final List<String> PERCENT_HINTS = List.of("%", "percent", "per cent");
  private static final List<String> TIME_HINTS =
      List.of("am", "pm", "a.m", "p.m", ":", "noon", "midday", "midnight");

  private static boolean hasAny(String text, List<String> hints) {
    for (String hint : hints) {
      if (text.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMonth(String text) {
    for (String month : MONTHS) {
      if (text.contains(month)) {
        return true;
      }
    }
    return false;
  }

  /** Runs a pattern only where its cheap precondition (a digit, a currency sign, …) holds. */
  private static void scanIf(
      boolean worthIt,
      StringBuilder text,
      Pattern pattern,
      List<Fact> into,
      java.util.function.Function<Matcher, Fact> read) {
    if (worthIt) {
      scan(text, pattern, into, read);
    }
  }

  private static void scan(
      StringBuilder text,
      Pattern pattern,
      List<Fact> into,
      java.util.function.Function<Matcher, Fact> read) {
    Matcher m = pattern.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      Fact fact = read.apply(m);
      if (fact != null) {
        into.add(fact);
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    for (int[] span : spans) {
      for (int i = span[0]; i < span[1]; i++) {
        text.setCharAt(i, ' ');
      }
    }
  }

  private static Fact fact(String kind, String key, String value, Matcher m) {
    return value == null ? null : new Fact(kind, key, value, m.group().trim());
  }

  private static String md(String month, String day) {
    int mo = month == null ? 0 : Integer.parseInt(month);
    int d = Integer.parseInt(day);
    return mo < 1 || mo > 12 || d < 1 || d > 31 ? null : two(mo) + "-" + two(d);
  }

  private static String month(String name) {
    String key = name.replace(".", "").substring(0, 3);
    return two(MONTHS.indexOf(key) + 1);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static Fact slashDate(Matcher m) {
    String value = md(m.group(1), m.group(2));
    return value == null ? null : new Fact("date", "", value, m.group());
  }

  private static String time(Matcher m) {
    if (m.group(6) != null) {
      return m.group(6).equals("midnight") ? "00:00" : "12:00";
    }
    if (m.group(4) != null) {
      return two(Integer.parseInt(m.group(4))) + ":" + m.group(5);
    }
    int hour = Integer.parseInt(m.group(1));
    if (hour > 12) {
      return null;
    }
    boolean pm = m.group(3).startsWith("p");
    hour = hour % 12 + (pm ? 12 : 0);
    return two(hour) + ":" + (m.group(2) == null ? "00" : m.group(2));
  }

  private static String amount(Matcher m) {
    boolean prefix = m.group(1) != null;
    String currency = prefix ? m.group(1) : m.group(8);
    String whole = prefix ? m.group(2) : m.group(5);
    String cents = prefix ? m.group(3) : m.group(6);
    String scale = prefix ? m.group(4) : m.group(7);
    java.math.BigDecimal value =
        new java.math.BigDecimal(whole.replace(",", "") + (cents == null ? "" : "." + cents));
    if (scale != null) {
      value = value.multiply(java.math.BigDecimal.valueOf(scale.equals("k") ? 1_000 : 1_000_000));
    }
    return currency(currency.trim()) + " " + value.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static String currency(String c) {
    if (c.equals("$") || c.startsWith("dollar")) {
      return "USD";
    }
    if (c.equals("€") || c.startsWith("euro")) {
      return "EUR";
    }
    if (c.equals("£") || c.startsWith("pound")) {
      return "GBP";
    }
    return c.toUpperCase(Locale.ROOT);
  }

  private static String number(String n) {
    return new java.math.BigDecimal(n).stripTrailingZeros().toPlainString();
  }

  private static String version(Matcher m) {
    String v = m.group(1) != null ? m.group(1) : m.group(2);
    return v.replaceAll("(\\.0)+$", "");
  }

  private static Fact quantity(Matcher m) {
    String unit = TopicTerms.stem(m.group(2));
    if (Statements.NOT_UNITS.contains(unit) || Statements.NOT_UNITS.contains(m.group(2))) {
      return null;
    }
    String n = NUMBER_WORDS.getOrDefault(m.group(1), m.group(1).replace(",", ""));
    return new Fact("quantity", unit, number(n), m.group());
  }
}
