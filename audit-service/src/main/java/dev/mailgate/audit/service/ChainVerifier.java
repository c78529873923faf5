package dev.mailgate.audit.service;

import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.domain.AuditChain;
import dev.mailgate.audit.domain.AuditChainRepository;
import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.AuditEventRepository;
import dev.mailgate.audit.domain.ChainBreak;
import dev.mailgate.audit.domain.ChainWalk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Verifies chains page by page (one short read transaction per page, so a long chain never holds a
 * long transaction) and reports the first broken link.
 */
@ApplicationScoped
public class ChainVerifier {

  private final AuditEventRepository events;
  private final AuditChainRepository chains;
  private final int pageSize;

  public ChainVerifier(
      AuditEventRepository events, AuditChainRepository chains, AuditConfig config) {
    this.events = events;
    this.chains = chains;
    this.pageSize = config.query().scanPageSize();
  }

  /** The report of chain {@code chainKey}, or empty when no such chain exists. */
  public Optional<ChainReport> verify(String chainKey) {
    AuditChain head = QuarkusTransaction.requiringNew().call(() -> chains.findById(chainKey));
    if (head == null) {
      return Optional.empty();
    }
    ChainWalk walk = new ChainWalk(head.baseSeq, head.baseHash);
    long after = head.baseSeq;
    boolean more = true;
    while (more) {
      long from = after;
      List<AuditEvent> page =
          QuarkusTransaction.requiringNew().call(() -> events.chainPage(chainKey, from, pageSize));
      for (AuditEvent row : page) {
        if (!walk.accept(row, hash -> rowWithHash(chainKey, hash))) {
          return Optional.of(
              report(chainKey, head, walk, walk.finish(head.lastSeq, head.lastHash)));
        }
        after = row.chainSeq;
      }
      more = page.size() == pageSize;
    }
    return Optional.of(report(chainKey, head, walk, walk.finish(head.lastSeq, head.lastHash)));
  }

  private AuditEvent rowWithHash(String chainKey, String hash) {
    return QuarkusTransaction.requiringNew().call(() -> events.findByChainAndHash(chainKey, hash));
  }

  private static ChainReport report(
      String chainKey, AuditChain head, ChainWalk walk, ChainBreak broken) {
    return new ChainReport(chainKey, broken == null, walk.checked(), head.lastSeq, broken);
  }

  /** Every chain's report, in chain order. */
  public List<ChainReport> verifyAll() {
    List<String> keys = QuarkusTransaction.requiringNew().call(chains::allKeys);
    return keys.stream().map(this::verify).flatMap(Optional::stream).toList();
  }
}
