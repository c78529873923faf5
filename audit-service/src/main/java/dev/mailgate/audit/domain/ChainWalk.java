package dev.mailgate.audit.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * Walks one chain in position order and stops at the first broken link, telling an altered row from
 * a missing one from rows that were moved. A walk may start at the chain's base or at a position
 * verified before; it checks the chain against an anchor (a position and hash kept outside the
 * database) when given one.
 */
public final class ChainWalk {

  private final ChainHash links;
  private long expectedSeq;
  private String expectedPrev;
  private boolean keyedSeen;
  private long anchorSeq = -1;
  private String anchorHash;
  private long checked;
  private ChainBreak broken;

  /**
   * A walk from position {@code startSeq} whose hash is {@code startHash} (the chain's base, or a
   * position verified before); {@code keyedBefore}: whether a keyed link precedes the start.
   */
  public ChainWalk(ChainHash links, long startSeq, String startHash, boolean keyedBefore) {
    this.links = links;
    this.expectedSeq = startSeq + 1;
    this.expectedPrev = startHash;
    this.keyedSeen = keyedBefore;
  }

  /**
   * Checks the chain against an anchor: the row at {@code position} must carry {@code hash}, and
   * the chain must reach that position. An anchor before the start is the caller's to check.
   */
  public void anchor(long position, String hash) {
    anchorSeq = position;
    anchorHash = hash;
    if (broken == null && position == expectedSeq - 1 && !hash.equals(expectedPrev)) {
      broken =
          new ChainBreak(
              ChainBreak.Kind.ALTERED,
              position,
              null,
              hash,
              expectedPrev,
              "position " + position + " differs from the chain's anchor");
    }
  }

  /**
   * Checks the next row; {@code byHash} finds the chain's row carrying a hash, if any. Returns
   * false once the chain is broken.
   */
  public boolean accept(AuditEvent row, Function<String, AuditEvent> byHash) {
    if (broken != null) {
      return false;
    }
    String recomputed = links.of(row);
    if (!row.prevHash.equals(expectedPrev)) {
      AuditEvent predecessor = byHash.apply(row.prevHash);
      if (predecessor != null && !Objects.equals(predecessor.id, row.id)) {
        broken =
            new ChainBreak(
                ChainBreak.Kind.REORDERED,
                expectedSeq,
                row.id,
                expectedPrev,
                row.prevHash,
                "row "
                    + row.id
                    + " was chained after row "
                    + predecessor.id
                    + " but stands at position "
                    + expectedSeq);
      } else if (recomputed.equals(row.hash)) {
        broken =
            new ChainBreak(
                ChainBreak.Kind.MISSING,
                expectedSeq,
                row.id,
                expectedPrev,
                row.prevHash,
                "the row(s) before row "
                    + row.id
                    + " are missing (positions "
                    + expectedSeq
                    + " to "
                    + (row.chainSeq - 1)
                    + ")");
      } else {
        broken = altered(row, recomputed, "no longer matches the hash it was chained with");
      }
    } else if (!recomputed.equals(row.hash)) {
      broken = altered(row, recomputed, "no longer matches the hash it was chained with");
    } else if (row.linkVersion == ChainHash.UNKEYED && keyedSeen) {
      broken = altered(row, recomputed, "carries an unkeyed link after a keyed one");
    } else if (expectedSeq == anchorSeq && !row.hash.equals(anchorHash)) {
      broken =
          new ChainBreak(
              ChainBreak.Kind.ALTERED,
              expectedSeq,
              row.id,
              anchorHash,
              row.hash,
              "row " + row.id + " differs from the chain's anchor at position " + anchorSeq);
    }
    if (broken != null) {
      return false;
    }
    keyedSeen |= row.linkVersion != ChainHash.UNKEYED;
    expectedSeq++;
    expectedPrev = row.hash;
    checked++;
    return true;
  }

  /**
   * Ends the walk: the last row must be the one the chain head names, and the chain must reach its
   * anchor.
   */
  public ChainBreak finish(long headSeq, String headHash) {
    if (broken == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrev))) {
      broken =
          new ChainBreak(
              ChainBreak.Kind.MISSING,
              expectedSeq,
              null,
              headHash,
              expectedPrev,
              "the chain head says the chain ends at position "
                  + headSeq
                  + "; the rows end at position "
                  + (expectedSeq - 1));
    }
    if (broken == null && anchorSeq > headSeq) {
      broken =
          new ChainBreak(
              ChainBreak.Kind.MISSING,
              headSeq + 1,
              null,
              anchorHash,
              headHash,
              "the chain ends at position "
                  + headSeq
                  + " but was anchored at position "
                  + anchorSeq
                  + ": the rows after position "
                  + headSeq
                  + " are gone");
    }
    return broken;
  }

  public long checked() {
    return checked;
  }

  /** Whether a keyed link was seen (before the start or in the walk). */
  public boolean keyedSeen() {
    return keyedSeen;
  }

  /** The last position walked and its hash. */
  public long lastSeq() {
    return expectedSeq - 1;
  }

  public String lastHash() {
    return expectedPrev;
  }

  private ChainBreak altered(AuditEvent row, String recomputed, String what) {
    return new ChainBreak(
        ChainBreak.Kind.ALTERED,
        expectedSeq,
        row.id,
        row.hash,
        recomputed,
        "row " + row.id + " " + what);
  }
}
