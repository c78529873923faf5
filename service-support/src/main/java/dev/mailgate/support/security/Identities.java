package dev.mailgate.support.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares identities the way people read them: Unicode NFKC, invisible characters (zero-width
 * spaces and joiners, byte-order marks, other format characters) removed, surrounding white space
 * trimmed, case folded. {@code " ALICE\u200B"} and {@code "alice"} are the same person.
 */
public final class Identities {

  private Identities() {}

  /** The comparable form of {@code identity}; empty when nothing visible is left. */
  public static String normalise(String identity) {
    if (identity == null) {
      return "";
    }
    String nfkc = Normalizer.normalize(identity, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT && !Character.isISOControl(c))
        .forEach(visible::appendCodePoint);
    return visible.toString().strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /** Whether two identities name the same person or role. */
  public static boolean same(String a, String b) {
    String left = normalise(a);
    return !left.isEmpty() && left.equals(normalise(b));
  }
}
