package dev.mailgate.events.validation;

/** The contract's address rule for code outside the validators (settings, resolved recipients). */
public final class Addresses {

  private Addresses() {}

  /** A bare addr-spec ({@code local@domain.tld}) as intents must carry it; no display name. */
  public static boolean isAddress(String address) {
    return address != null && Text.isAddress(address) && !Text.hasLineBreak(address);
  }

  /**
   * The bare address of a header value such as {@code Ana <ana@example.com>} or {@code
   * ana@example.com}, trimmed; empty when it holds none the contract accepts.
   */
  public static java.util.Optional<String> bare(String header) {
    if (header == null) {
      return java.util.Optional.empty();
    }
    String text = header.strip();
    int open = text.lastIndexOf('<');
    int close = text.lastIndexOf('>');
    if (open >= 0 && close > open) {
      text = text.substring(open + 1, close).strip();
    }
    return isAddress(text) ? java.util.Optional.of(text) : java.util.Optional.empty();
  }
}
