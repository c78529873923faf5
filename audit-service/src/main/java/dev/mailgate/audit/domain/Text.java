package dev.mailgate.audit.domain;

/** What a PostgreSQL text column can hold: no NUL, no unpaired UTF-16 surrogates. */
public final class Text {

  private Text() {}

  /** Whether {@code value} can be stored unchanged. */
  public static boolean isStorable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code value} made storable (bad characters become U+FFFD) and cut to {@code max} chars. */
  public static String safe(String value, int max) {
    if (value == null) {
      return null;
    }
    String cut = value.length() > max ? value.substring(0, max) : value;
    if (isStorable(cut)) {
      return cut;
    }
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < cut.length()
              && Character.isLowSurrogate(cut.charAt(i + 1));
      if (pair) {
        out.append(c).append(cut.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
