package dev.mailgate.events;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An email that arrived in a mailbox: as fetched ({@code mail.inbound-received}) and as released to
 * the agents ({@code mail.inbound}, then with {@code released_by}). The MultiMail email id is the
 * event's identity; consumers deduplicate on it. An email too large to carry whole is cut ({@link
 * InboundLimits}): then {@code truncated} is true and the original markdown's size and SHA-256 say
 * what was left out; MultiMail keeps the whole email.
 *
 * <p>{@code readGrants} is set on release: the mailbox's read grants at that moment, role name (or
 * {@code *} for every other role) to whether it may read. Agents' clients hand the email only to
 * roles {@link ReadGrants#allows} lets read it; audit-service shows agents only such threads.
 */
public record InboundEmail(
    String emailId,
    String mailboxId,
    String threadId,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    String markdown,
    List<AttachmentInfo> attachments,
    Instant receivedAt,
    Actor releasedBy,
    Boolean truncated,
    Long markdownBytes,
    String markdownSha256,
    Map<String, Boolean> readGrants) {

  public InboundEmail {
    to = Lists.orEmpty(to);
    cc = Lists.orEmpty(cc);
    attachments = Lists.orEmpty(attachments);
    readGrants = readGrants == null ? null : Collections.unmodifiableMap(new TreeMap<>(readGrants));
  }

  /** An email as fetched, whole. */
  public InboundEmail(
      String emailId,
      String mailboxId,
      String threadId,
      String from,
      List<String> to,
      List<String> cc,
      String subject,
      String markdown,
      List<AttachmentInfo> attachments,
      Instant receivedAt,
      Actor releasedBy) {
    this(
        emailId,
        mailboxId,
        threadId,
        from,
        to,
        cc,
        subject,
        markdown,
        attachments,
        receivedAt,
        releasedBy,
        null,
        null,
        null,
        null);
  }

  /**
   * The same email, released to the agents by {@code actor}, readable by the roles {@code
   * readGrants} allows.
   */
  public InboundEmail released(Actor actor, Map<String, Boolean> readGrants) {
    return new InboundEmail(
        emailId,
        mailboxId,
        threadId,
        from,
        to,
        cc,
        subject,
        markdown,
        attachments,
        receivedAt,
        actor,
        truncated,
        markdownBytes,
        markdownSha256,
        readGrants);
  }

  /**
   * Whether a role known by any of {@code roleNames} may read this email (never before release).
   */
  public boolean readableBy(Collection<String> roleNames) {
    return ReadGrants.allows(readGrants, roleNames);
  }
}
