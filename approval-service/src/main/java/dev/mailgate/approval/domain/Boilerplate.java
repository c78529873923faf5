package dev.mailgate.approval.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts an email down to what its author wrote this time: no greeting, sign-off, signature or quoted
 * earlier message, no markdown markup. Topic comparison and fact extraction read only this.
 */
public final class Boilerplate {

  private static final Pattern GREETING =
      Pattern.compile(
          "^(hi|hello|hey|dear|greetings|good (morning|afternoon|evening)|hallo)\\b[^,!:]{0,30}([,!:]|$)");
  private static final Pattern SIGN_OFF =
      Pattern.compile(
          "^((best|kind|warm|many|warmest)( regards| wishes| thanks)?|regards|thanks|thank you|thx"
              + "|cheers|sincerely|yours( truly| sincerely)?|all the best|talk soon|speak soon"
              + "|br)[,.!]?(\\s+[\\p{L}.'-]+){0,2}$|^(--|—|–|-)(\\s*[\\p{L}.'-]+){0,3}$|^sent from my .*");
  private static final Pattern QUOTE_HEADER =
      Pattern.compile(
          "^(on .{4,160} wrote:?|-{2,} ?(original|forwarded) message ?-{2,}|from: .+|>.*)$");
  private static final Pattern FILLER =
      Pattern.compile(
          "(?=[ihpdflt])(?:(i )?hope (this|you|all)[^.!?\\n]*[.!?]?|(please )?(do not hesitate|don't hesitate|feel"
              + " free) to [^.!?\\n]*[.!?]?|let (me|us) know if [^.!?\\n]*[.!?]?|(if you have|for)"
              + " any (further )?questions[^.!?\\n]*[.!?]?|thanks? (you )?(so much |again )?for"
              + " [^.!?\\n]*[.!?]|looking forward to [^.!?\\n]*[.!?]?)");
  private static final Pattern FILLER_HINT =
      Pattern.compile("hope|hesitate|feel free|let (me|us) know|questions|thank|looking forward");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern MARKUP = Pattern.compile("[*_`#~|]+");

  /**
   * Only so much of a body is read: the subject matter is clear long before, and cost stays flat.
   */
  static final int MAX_CHARS = 20_000;

  private Boilerplate() {}

  /** The author's own text, lower case, one line per paragraph line. */
  public static String strip(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String text =
        (markdown.length() > MAX_CHARS ? markdown.substring(0, MAX_CHARS) : markdown)
            .replace("\r", "");
    text = LINK.matcher(text).replaceAll("$1");
    text = MARKUP.matcher(text).replaceAll("");
    List<String> kept = new ArrayList<>();
    boolean first = true;
    for (String raw : text.split("\n")) {
      String line = raw.trim().toLowerCase(Locale.ROOT);
      if (line.isEmpty()) {
        continue;
      }
      if (QUOTE_HEADER.matcher(line).matches()) {
        if (line.startsWith(">")) {
          continue;
        }
        break; // everything below "On … wrote:" or an original-message header is quoted
      }
      if (first) {
        first = false;
        java.util.regex.Matcher greeting = GREETING.matcher(line);
        if (greeting.lookingAt()) {
          line = line.substring(greeting.end()).trim();
          if (line.isEmpty()) {
            continue;
          }
        }
      }
      if (!kept.isEmpty() && SIGN_OFF.matcher(line).matches()) {
        break;
      }
      kept.add(line);
    }
    String own = String.join("\n", kept);
    return FILLER_HINT.matcher(own).find() ? FILLER.matcher(own).replaceAll(" ").trim() : own;
  }
}
