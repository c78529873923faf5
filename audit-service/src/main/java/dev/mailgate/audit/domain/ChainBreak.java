package dev.mailgate.audit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The first broken link of a chain.
 *
 * @param position the chain position where the break shows
 * @param rowId the row found at that position, absent when the chain ends early
 * @param expectedHash what the chain says the link must be
 * @param actualHash what the stored rows give
 */
public record ChainBreak(
    Kind kind, long position, Long rowId, String expectedHash, String actualHash, String detail) {

  /** What happened to the chain. */
  public enum Kind {
    /** A row's content (or its stored link) no longer matches its hash. */
    ALTERED,
    /** One or more rows are gone. */
    MISSING,
    /** Rows are intact but stand at positions other than the ones they were chained at. */
    REORDERED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
