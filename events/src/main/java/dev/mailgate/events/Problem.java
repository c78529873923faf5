package dev.mailgate.events;

/**
 * One thing wrong with an input.
 *
 * @param path where: a field path such as {@code to[3]} or {@code attachments[0].name}; {@code $}
 *     for the whole record
 * @param code a stable machine-readable code, e.g. {@code required}, {@code too_long}
 * @param message a human-readable explanation
 */
public record Problem(String path, String code, String message) {}
