package dev.mailgate.multimail.sandbox.config;

import dev.mailgate.multimail.sandbox.domain.OversightMode;

/** A configured mailbox, written {@code id:address:oversight_mode}. */
public record MailboxSeed(String id, String address, OversightMode mode) {

  /** Parses {@code id:address:oversight_mode}; used by the config mapping as converter. */
  public static MailboxSeed of(String value) {
    String[] parts = value.trim().split(":");
    if (parts.length != 3 || parts[0].isBlank() || !parts[1].contains("@")) {
      throw new IllegalArgumentException(
          "sandbox.mailboxes entry must be id:address:oversight_mode, was " + value);
    }
    OversightMode mode =
        OversightMode.fromWire(parts[2].trim())
            .orElseThrow(() -> new IllegalArgumentException("unknown oversight mode in " + value));
    return new MailboxSeed(parts[0].trim(), parts[1].trim(), mode);
  }
}
