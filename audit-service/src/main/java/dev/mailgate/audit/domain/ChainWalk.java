package dev.mailgate.audit.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * Walks one chain in position order and stops at the first broken link, telling an altered row from
 * a missing one from rows that were moved.
 */
public final class ChainWalk {

  private long expectedSeq;
  private String expectedPrev;
  private long checked;
  private ChainBreak broken;

  /** A walk from the chain's base (position 0 and the genesis hash, unless retention moved it). */
  public ChainWalk(long baseSeq, String baseHash) {
    this.expectedSeq = baseSeq + 1;
    this.expectedPrev = baseHash;
  }

  /**
   * Checks the next row; {@code byHash} finds the chain's row carrying a hash, if any. Returns
   * false once the chain is broken.
   */
  public boolean accept(AuditEvent row, Function<String, AuditEvent> byHash) {
    if (broken != null) {
      return false;
    }
    String recomputed = ChainHash.of(row);
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
        broken = altered(row, recomputed);
      }
    } else if (!recomputed.equals(row.hash)) {
      broken = altered(row, recomputed);
    }
    if (broken != null) {
      return false;
    }
    expectedSeq++;
    expectedPrev = row.hash;
    checked++;
    return true;
  }

  /** Ends the walk: the last row must be the one the chain head names. */
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
    return broken;
  }

  public long checked() {
    return checked;
  }

  private ChainBreak altered(AuditEvent row, String recomputed) {
    return new ChainBreak(
        ChainBreak.Kind.ALTERED,
        expectedSeq,
        row.id,
        row.hash,
        recomputed,
        "row " + row.id + " no longer matches the hash it was chained with");
  }
}
