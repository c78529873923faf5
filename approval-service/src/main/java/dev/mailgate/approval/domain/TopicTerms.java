package dev.mailgate.approval.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an email is about, as a small set of key terms: the content words of its subject (counted
 * twice, as {@code s:term} too) and of its own text after {@link Boilerplate}, stemmed, without
 * stop words, numbers, month and weekday names — so two emails that disagree on a date or price
 * still share their topic, and two emails with the same greeting and sign-off do not.
 */
public final class TopicTerms {

  /** Most terms kept per email; the subject's first, then the body's in reading order. */
  static final int MAX_TERMS = 64;

  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> STOP =
      new HashSet<>(
          Arrays.asList(
              ("a about above after again against all also am an and any are aren as at be because"
                      + " been before being below between both but by can cannot could did do does"
                      + " doing don down during each few for from further had has have having he her"
                      + " here hers herself him himself his how i if in into is isn it its itself just"
                      + " me more most my myself no nor not now of off on once only or other ought our"
                      + " ours ourselves out over own same she should so some such than that the their"
                      + " theirs them themselves then there these they this those through to too under"
                      + " until up very was we were what when where which while who whom why will with"
                      + " would you your yours yourself yourselves won wont shall may might must via per"
                      + " re fwd fw hi hello hey dear thanks thank regards best cheers please kindly"
                      + " sincerely team update updates quick note notes just want wanted like know let"
                      + " get got make made see look looking forward reach question questions hope well"
                      + " today tomorrow yesterday tonight week weeks day days month months year years"
                      + " time email mail message write writing wrote inform info information share"
                      + " sharing follow following followup heads good great happy glad sure ok okay"
                      + " one two three four five six seven eight nine ten us let lets ll ve re"
                      + " am pm st nd rd th usd eur gbp dollars euros percent version"
                      + " january february march april may june july august september october november"
                      + " december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday"
                      + " wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri"
                      + " sat sun next last end start early late new still already soon asap")
                  .split(" ")));

  private TopicTerms() {}

  /** The terms of an email, sorted, space separated (stored with the intent). */
  public static String of(String subject, String markdown) {
    return ofOwn(subject, Boilerplate.strip(markdown));
  }

  /** The terms of an email whose body is already cut to its own text ({@link Boilerplate}). */
  static String ofOwn(String subject, String own) {
    Set<String> terms = new LinkedHashSet<>();
    List<String> subjectTerms = words(ContentKeys.subjectKey(subject));
    subjectTerms.forEach(t -> terms.add("s:" + t));
    terms.addAll(subjectTerms);
    for (String word : words(own)) {
      if (terms.size() >= MAX_TERMS) {
        break;
      }
      terms.add(word);
    }
    return String.join(" ", new TreeSet<>(terms.stream().limit(MAX_TERMS).toList()));
  }

  /** Jaccard similarity of two stored term strings, 0 to 1. */
  public static double similarity(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> left = new HashSet<>(Arrays.asList(a.split(" ")));
    int shared = 0;
    int right = 0;
    for (String term : b.split(" ")) {
      right++;
      if (left.contains(term)) {
        shared++;
      }
    }
    return (double) shared / (left.size() + right - shared);
  }

  /**
   * Whether a subject term of either email occurs anywhere in the other: the anchor that tells
   * "both about the invoice" from "both mention the account name".
   */
  public static boolean anchored(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> left = new HashSet<>(Arrays.asList(a.split(" ")));
    Set<String> right = new HashSet<>(Arrays.asList(b.split(" ")));
    return anchoredIn(left, right) || anchoredIn(right, left);
  }

  private static boolean anchoredIn(Set<String> subjectOf, Set<String> other) {
    for (String term : subjectOf) {
      if (term.startsWith("s:") && other.contains(term.substring(2))) {
        return true;
      }
    }
    return false;
  }

  static List<String> words(String text) {
    return Arrays.stream(SPLIT.split(text.toLowerCase(Locale.ROOT)))
        .filter(
            w -> w.length() >= 3 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit))
        .filter(w -> !Character.isDigit(w.charAt(0)))
        .map(TopicTerms::stem)
        .filter(w -> !STOP.contains(w))
        .toList();
  }

  /** A deliberately crude suffix stripper: enough to meet "invoices" with "invoice". */
  static String stem(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("ing") && w.length() > 5) {
      return w.substring(0, w.length() - 3);
    }
    if (w.endsWith("ed") && w.length() > 4) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("es") && w.length() > 4 && !w.endsWith("ses")) {
      return w.substring(0, w.length() - 1);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
