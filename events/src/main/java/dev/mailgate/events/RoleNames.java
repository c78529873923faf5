package dev.mailgate.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How MailGate compares role names, everywhere (grants, signed agent credentials, read grants,
 * hourly limits, conflicts): Unicode NFKC, invisible and control characters removed, case folded
 * (upper then lower case, so {@code ß} and {@code SS} agree), white space, {@code _} and {@code -}
 * removed. {@code "Product Manager"}, {@code "product_manager"} and the class name {@code
 * ProductManager} are one role; so are {@code "Intern"} and {@code "In\u200Btern"}. The Python
 * client's {@code normalise_role} does the same.
 */
public final class RoleNames {

  private static final Pattern IGNORED = Pattern.compile("(?U)[\\s_-]+");

  private RoleNames() {}

  /** The comparable form of {@code role}; empty when nothing is left. */
  public static String key(String role) {
    if (role == null) {
      return "";
    }
    return isAscii(role) ? asciiKey(role) : unicodeKey(role);
  }

  /**
   * The same key for ASCII text, without normalising or a regular expression: NFKC leaves ASCII as
   * it is, it has no format characters, and its white space is among its control characters or is
   * the space. Duplicate and conflict checks compare a role with every candidate's, so this runs
   * many times per intent.
   */
  static String asciiKey(String role) {
    StringBuilder key = new StringBuilder(role.length());
    for (int i = 0; i < role.length(); i++) {
      char c = role.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '_' || c == '-') {
        continue;
      }
      key.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return key.toString();
  }

  static String unicodeKey(String role) {
    String nfkc = Normalizer.normalize(role, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT && !Character.isISOControl(c))
        .forEach(visible::appendCodePoint);
    String folded = visible.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return IGNORED.matcher(folded).replaceAll("");
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Whether two names are the same role; a name with nothing left is no role. */
  public static boolean same(String a, String b) {
    String left = key(a);
    return !left.isEmpty() && left.equals(key(b));
  }
}
