package dev.mailgate.outbox.consumer;

import com.fasterxml.jackson.core.JacksonException;

/** Short, readable reasons for dead letters and logs. */
public final class Problems {

  /** Reasons are cut to this many characters. */
  public static final int MAX_REASON_CHARS = 2_000;

  private Problems() {}

  /** What went wrong, without stack traces: JSON errors as the parser's message. */
  public static String describe(Throwable e) {
    String text;
    if (e instanceof JacksonException json) {
      text = "not readable JSON: " + json.getOriginalMessage();
    } else {
      text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return shorten(text);
  }

  public static String shorten(String text) {
    if (text == null) {
      return null;
    }
    return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "…" : text;
  }
}
