package dev.mailgate.events;

/** What an intent asks for. */
public enum IntentKind implements WireEnum {
  /** A new email, which starts a new thread. */
  SEND,
  /** A reply to an email MultiMail already holds ({@code reply_to_email_id}). */
  REPLY
}
