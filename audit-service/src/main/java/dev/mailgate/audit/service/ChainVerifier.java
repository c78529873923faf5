package dev.mailgate.audit.service;

import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.config.IntegrityKey;
import dev.mailgate.audit.domain.Anchor;
import dev.mailgate.audit.domain.AuditChain;
import dev.mailgate.audit.domain.AuditChainRepository;
import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.AuditEventRepository;
import dev.mailgate.audit.domain.ChainBreak;
import dev.mailgate.audit.domain.ChainHash;
import dev.mailgate.audit.domain.ChainWalk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies chains page by page (one short read transaction per page, so a long chain never holds a
 * long transaction) up to the head read when the walk starts (rows appended meanwhile are the next
 * walk's), against the chain's latest anchor, and reports the first broken link. A complete walk
 * starts at the chain's base; an incremental one at the position this instance verified last.
 */
@ApplicationScoped
public class ChainVerifier {

  private final AuditEventRepository events;
  private final AuditChainRepository chains;
  private final AnchorBook anchors;
  private final ChainHash links;
  private final int pageSize;
  private final Map<String, Checkpoint> verified = new ConcurrentHashMap<>();

  public ChainVerifier(
      AuditEventRepository events,
      AuditChainRepository chains,
      AnchorBook anchors,
      IntegrityKey key,
      AuditConfig config) {
    this.events = events;
    this.chains = chains;
    this.anchors = anchors;
    this.links = key.links();
    this.pageSize = config.query().scanPageSize();
  }

  /** The complete report of chain {@code chainKey}, or empty when no such chain exists. */
  public Optional<ChainReport> verify(String chainKey) {
    anchors.refresh();
    return check(chainKey, false);
  }

  /** Every chain's complete report, in chain order. */
  public List<ChainReport> verifyAll() {
    anchors.refresh();
    return allKeys().stream().map(key -> check(key, false)).flatMap(Optional::stream).toList();
  }

  /**
   * Every chain's report from the position verified last (anchors read first): the rows appended
   * since, the row at that position and the chain's latest anchor.
   */
  public List<ChainReport> verifyAllIncremental() {
    anchors.refresh();
    return allKeys().stream().map(key -> check(key, true)).flatMap(Optional::stream).toList();
  }

  /**
   * Forgets the positions verified so far, as a restart does (the next checks start at anchors).
   */
  public void forgetVerifiedPositions() {
    verified.clear();
  }

  /** Every chain key, in order. */
  public List<String> allKeys() {
    return QuarkusTransaction.requiringNew().call(chains::allKeys);
  }

  private Optional<ChainReport> check(String chainKey, boolean incremental) {
    AuditChain head = QuarkusTransaction.requiringNew().call(() -> chains.findById(chainKey));
    if (head == null) {
      return Optional.empty();
    }
    Checkpoint from = incremental ? verified.get(chainKey) : null;
    if (from != null && from.seq() < head.baseSeq) {
      from = null;
    }
    Anchor anchor = anchors.latest(chainKey).orElse(null);
    ChainBreak early = null;
    if (from != null && from.seq() > head.baseSeq) {
      early = rowAt(chainKey, from.seq(), from.hash(), "verified before").broken();
    } else if (incremental
        && from == null
        && anchor != null
        && anchor.position() > head.baseSeq
        && anchor.position() <= head.lastSeq) {
      // First check since this instance started: an anchor is only ever written for a chain found
      // intact up to it, so the walk may start there instead of at the base.
      Found anchored = rowAt(chainKey, anchor.position(), anchor.hash(), "anchored");
      early = anchored.broken();
      if (early == null) {
        from =
            new Checkpoint(
                anchor.position(), anchor.hash(), anchored.row().linkVersion != ChainHash.UNKEYED);
      }
    }
    long startSeq = from == null ? head.baseSeq : from.seq();
    ChainWalk walk =
        new ChainWalk(
            links,
            startSeq,
            from == null ? head.baseHash : from.hash(),
            from != null && from.keyed());
    if (early == null && anchor != null) {
      if (anchor.position() >= startSeq) {
        walk.anchor(anchor.position(), anchor.hash());
      } else if (anchor.position() > head.baseSeq) {
        early = rowAt(chainKey, anchor.position(), anchor.hash(), "anchored").broken();
      }
    }
    ChainBreak broken = early != null ? early : walk(chainKey, head, walk);
    if (broken == null) {
      verified.merge(
          chainKey,
          new Checkpoint(head.lastSeq, head.lastHash, walk.keyedSeen()),
          (known, now) -> now.seq() >= known.seq() ? now : known);
    }
    return Optional.of(
        new ChainReport(
            chainKey,
            broken == null,
            walk.checked(),
            head.lastSeq,
            head.lastHash,
            anchor == null ? null : anchor.position(),
            broken));
  }

  private ChainBreak walk(String chainKey, AuditChain head, ChainWalk walk) {
    long after = walk.lastSeq();
    boolean more = after < head.lastSeq;
    while (more) {
      long from = after;
      List<AuditEvent> page =
          QuarkusTransaction.requiringNew()
              .call(() -> events.chainPage(chainKey, from, head.lastSeq, pageSize));
      for (AuditEvent row : page) {
        if (!walk.accept(row, hash -> rowWithHash(chainKey, hash))) {
          return walk.finish(head.lastSeq, head.lastHash);
        }
        after = row.chainSeq;
      }
      more = page.size() == pageSize;
    }
    return walk.finish(head.lastSeq, head.lastHash);
  }

  /**
   * The row at {@code seq}, which must still carry {@code hash} (verified or anchored before) and
   * match it.
   */
  private Found rowAt(String chainKey, long seq, String hash, String what) {
    AuditEvent row = QuarkusTransaction.requiringNew().call(() -> events.atPosition(chainKey, seq));
    if (row == null) {
      return new Found(
          null,
          new ChainBreak(
              ChainBreak.Kind.MISSING,
              seq,
              null,
              hash,
              null,
              "position " + seq + ", " + what + ", is gone"));
    }
    if (!row.hash.equals(hash)) {
      return new Found(
          row,
          new ChainBreak(
              ChainBreak.Kind.ALTERED,
              seq,
              row.id,
              hash,
              row.hash,
              "row " + row.id + " differs from the link " + what + " at position " + seq));
    }
    String recomputed = links.of(row);
    if (!recomputed.equals(row.hash)) {
      return new Found(
          row,
          new ChainBreak(
              ChainBreak.Kind.ALTERED,
              seq,
              row.id,
              row.hash,
              recomputed,
              "row " + row.id + " no longer matches the hash it was chained with"));
    }
    return new Found(row, null);
  }

  private AuditEvent rowWithHash(String chainKey, String hash) {
    return QuarkusTransaction.requiringNew().call(() -> events.findByChainAndHash(chainKey, hash));
  }

  /** A row looked up by position, and the break it shows (null when it carries the link). */
  private record Found(AuditEvent row, ChainBreak broken) {}

  /** A position of a chain found intact, its link, and whether a keyed link precedes it. */
  private record Checkpoint(long seq, String hash, boolean keyed) {}
}
