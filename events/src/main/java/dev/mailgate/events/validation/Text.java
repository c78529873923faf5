package dev.mailgate.events.validation;

import java.util.regex.Pattern;

/** Character-level checks shared by the validators. */
final class Text {

  private static final Pattern LOCAL_PART =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  private static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
  private static final Pattern MIME_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

  private Text() {}

  /** No lone surrogates: the string encodes to UTF-8 and back unchanged. */
  static boolean wellFormedUnicode(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean hasLineBreak(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }

  /** Control characters other than line breaks and tab (which bodies may contain). */
  static boolean hasOtherControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\r' && c != '\n' && c != '\t') {
        return true;
      }
    }
    return false;
  }

  /** A bare addr-spec ({@code local@domain.tld}); no display names, IDNs in punycode. */
  static boolean isAddress(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0 || at > 64 || s.length() > 254) {
      return false;
    }
    return LOCAL_PART.matcher(s.substring(0, at)).matches()
        && DOMAIN.matcher(s.substring(at + 1)).matches();
  }

  static boolean isOpaqueId(String s) {
    return OPAQUE_ID.matcher(s).matches();
  }

  static boolean isMimeType(String s) {
    return MIME_TYPE.matcher(s).matches();
  }
}
