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

  /** Why a record's value could not be read: the reader's own words. */
  public static String unreadable(Throwable e) {
    if (e instanceof JacksonException json) {
      return shorten("not readable JSON: " + json.getOriginalMessage());
    }
    return shorten(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  public static String shorten(String text) {
    if (text == null) {
      return null;
    }
    return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "…" : text;
  }
}
