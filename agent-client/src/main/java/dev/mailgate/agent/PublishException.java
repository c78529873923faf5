package dev.mailgate.agent;

/** The broker did not acknowledge an intent. Publishing the same draft again is safe. */
public class PublishException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PublishException(String intentId, Throwable cause) {
    super("intent " + intentId + " not acknowledged; publish the draft again", cause);
  }
}
