package dev.mailgate.audit.service;

import dev.mailgate.audit.config.IntegrityKey;
import dev.mailgate.audit.domain.Anchor;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Anchors every chain head that moved ({@code mailgate.audit.anchors.every}): the chain is verified
 * incrementally first, and only an intact head above the chain's latest anchor is signed and
 * written to {@code mail.audit-anchors} (and the anchors file). An anchor never goes below one
 * written before.
 */
@ApplicationScoped
public class ChainAnchoring {

  private final ChainVerifier verifier;
  private final AnchorBook anchors;
  private final IntegrityKey key;

  private final Clock clock;

  public ChainAnchoring(ChainVerifier verifier, AnchorBook anchors, IntegrityKey key, Clock clock) {
    this.clock = clock;
    this.verifier = verifier;
    this.anchors = anchors;
    this.key = key;
  }

  @Scheduled(
      identity = "audit-chain-anchors",
      every = "${mailgate.audit.anchors.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      anchorNow();
    } catch (RuntimeException e) {
      Log.errorf("anchoring the audit chains failed: %s", e);
    }
  }

  /** Anchors every intact chain whose head moved since its latest anchor; returns the anchors. */
  public synchronized List<Anchor> anchorNow() {
    List<Anchor> written = new ArrayList<>();
    for (ChainReport report : verifier.verifyAllIncremental()) {
      if (!report.intact()) {
        Log.errorf("audit chain %s is not anchored: %s", report.chain(), report.firstBreak());
        continue;
      }
      long anchored = report.anchoredPosition() == null ? 0 : report.anchoredPosition();
      if (report.headPosition() <= anchored) {
        continue;
      }
      Anchor anchor =
          Anchor.sign(
              key.anchorKey(),
              report.chain(),
              report.headPosition(),
              report.headHash(),
              clock.instant());
      anchors.write(anchor);
      written.add(anchor);
    }
    return written;
  }
}
