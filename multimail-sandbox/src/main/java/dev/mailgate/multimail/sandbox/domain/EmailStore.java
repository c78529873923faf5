package dev.mailgate.multimail.sandbox.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * All emails, per mailbox, ordered by id. Ids are minted and inserted under one lock, so a reader
 * that sees id N has already been able to see every smaller id: {@code since_id} polling never
 * skips an email that arrives while it pages.
 */
public final class EmailStore {

  private static final String ASCENDING = "a_";
  private static final String DESCENDING = "d_";

  private final UlidGenerator ids;
  private final Map<String, NavigableMap<String, Email>> byMailbox = new HashMap<>();
  private final Map<String, String> mailboxOf = new HashMap<>();

  public EmailStore(UlidGenerator ids) {
    this.ids = ids;
  }

  /** Mints the next id, builds the email with it and stores it, atomically. */
  public synchronized Email append(String mailboxId, Function<String, Email> build) {
    Email email = build.apply(ids.next());
    byMailbox.computeIfAbsent(mailboxId, m -> new TreeMap<>()).put(email.id(), email);
    mailboxOf.put(email.id(), mailboxId);
    return email;
  }

  public synchronized Optional<Email> find(String mailboxId, String emailId) {
    return Optional.ofNullable(byMailbox.getOrDefault(mailboxId, new TreeMap<>()).get(emailId));
  }

  public synchronized Optional<Email> find(String emailId) {
    String mailboxId = mailboxOf.get(emailId);
    return mailboxId == null ? Optional.empty() : find(mailboxId, emailId);
  }

  public synchronized Email update(String emailId, UnaryOperator<Email> change) {
    Email current = find(emailId).orElseThrow(() -> SandboxException.notFound("Email not found"));
    Email next = change.apply(current);
    byMailbox.get(current.mailboxId()).put(emailId, next);
    return next;
  }

  /**
   * With {@code since_id} (or an ascending cursor): ids strictly greater, oldest first. Otherwise
   * newest first, as MultiMail lists an inbox.
   */
  public synchronized EmailPage page(String mailboxId, EmailFilter filter) {
    NavigableMap<String, Email> all = byMailbox.getOrDefault(mailboxId, new TreeMap<>());
    NavigableMap<String, Email> view;
    boolean ascending;
    if (filter.cursor() != null) {
      String cursor = filter.cursor();
      String after = cursor.length() > 2 ? cursor.substring(2) : "";
      if (cursor.startsWith(ASCENDING) && !after.isEmpty()) {
        ascending = true;
        view = all.tailMap(after, false);
      } else if (cursor.startsWith(DESCENDING) && !after.isEmpty()) {
        ascending = false;
        view = all.headMap(after, false).descendingMap();
      } else {
        throw SandboxException.badRequest("Invalid cursor");
      }
    } else if (filter.sinceId() != null) {
      ascending = true;
      view = all.tailMap(filter.sinceId(), false);
    } else {
      ascending = false;
      view = all.descendingMap();
    }
    List<Email> page = new ArrayList<>();
    boolean more = false;
    for (Email email : view.values()) {
      if (!filter.matches(email)) {
        continue;
      }
      if (page.size() == filter.limit()) {
        more = true;
        break;
      }
      page.add(email);
    }
    String next =
        more ? (ascending ? ASCENDING : DESCENDING) + page.get(page.size() - 1).id() : null;
    return new EmailPage(List.copyOf(page), next);
  }

  /** A thread's emails in chronological (id) order. */
  public synchronized List<Email> thread(String mailboxId, String threadId) {
    return byMailbox.getOrDefault(mailboxId, new TreeMap<>()).values().stream()
        .filter(e -> threadId.equals(e.threadId()))
        .toList();
  }

  public synchronized List<Email> pending() {
    return byMailbox.values().stream()
        .flatMap(m -> m.values().stream())
        .filter(e -> e.status().isPending())
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .toList();
  }

  public synchronized void clear() {
    byMailbox.clear();
    mailboxOf.clear();
  }
}
