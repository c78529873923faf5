package dev.mailgate.audit.service;

import dev.mailgate.audit.config.IntegrityKey;
import dev.mailgate.audit.domain.AuditChain;
import dev.mailgate.audit.domain.AuditChainRepository;
import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.AuditEventRepository;
import dev.mailgate.audit.domain.ChainHash;
import dev.mailgate.audit.domain.EventExtractor;
import dev.mailgate.audit.domain.IncomingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends events to their chains, one transaction per call: locks the chain heads, skips events
 * already recorded (same content digest: redelivery is a no-op), links the rest with the keyed HMAC
 * and inserts them in one JDBC batch.
 */
@ApplicationScoped
public class AuditRecorder {

  private final AuditEventRepository events;
  private final AuditChainRepository chains;
  private final ChainHash links;

  private final Clock clock;

  public AuditRecorder(
      AuditEventRepository events, AuditChainRepository chains, IntegrityKey key, Clock clock) {
    this.clock = clock;
    this.events = events;
    this.chains = chains;
    this.links = key.links();
  }

  /** Records every readable part of {@code records}; returns the rows appended. */
  @Transactional
  public List<AuditEvent> record(List<IncomingRecord> records) {
    Instant now = clock.instant();
    Map<String, AuditEvent> byKey = new LinkedHashMap<>();
    for (IncomingRecord record : records) {
      AuditEvent event = EventExtractor.extract(record, now);
      byKey.putIfAbsent(event.dedupKey, event);
    }
    return append(byKey, now);
  }

  /** Records the bare facts of a record whose full row could not be stored. */
  @Transactional
  public List<AuditEvent> recordUnreadable(IncomingRecord record, String reason) {
    Instant now = clock.instant();
    AuditEvent event = EventExtractor.unreadable(record, now, reason);
    Map<String, AuditEvent> byKey = new LinkedHashMap<>();
    byKey.put(event.dedupKey, event);
    return append(byKey, now);
  }

  private List<AuditEvent> append(Map<String, AuditEvent> byKey, Instant now) {
    Map<String, AuditChain> heads =
        chains.lockHeads(byKey.values().stream().map(e -> e.chainKey).toList());
    // Checked after the locks: a concurrent writer of the same event holds the same chain.
    Set<String> existing = events.existingDedupKeys(byKey.keySet());
    List<AuditEvent> appended = new ArrayList<>();
    for (AuditEvent event : byKey.values()) {
      if (existing.contains(event.dedupKey)) {
        continue;
      }
      AuditChain head = heads.get(event.chainKey);
      event.chainSeq = head.lastSeq + 1;
      event.prevHash = head.lastHash;
      event.linkVersion = ChainHash.KEYED;
      event.hash = links.of(event);
      head.lastSeq = event.chainSeq;
      head.lastHash = event.hash;
      head.updatedAt = now;
      events.persist(event);
      appended.add(event);
    }
    return appended;
  }
}
