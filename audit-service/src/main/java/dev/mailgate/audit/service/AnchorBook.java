package dev.mailgate.audit.service;

import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.config.IntegrityKey;
import dev.mailgate.audit.domain.Anchor;
import dev.mailgate.audit.messaging.AnchorTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest valid anchor of every chain, as read from {@code mail.audit-anchors} (records whose
 * MAC does not verify are ignored and counted in {@code mailgate_audit_anchors_invalid_total}), and
 * the writing of new anchors to the topic and the optional file.
 */
@ApplicationScoped
public class AnchorBook {

  private final AnchorTopic topic;
  private final IntegrityKey key;
  private final Optional<Path> file;
  private final Map<String, Anchor> latest = new ConcurrentHashMap<>();
  private final Counter invalid;
  private final Counter written;
  private final Counter unreadable;
  private final Counter fileFailures;

  public AnchorBook(
      AnchorTopic topic, IntegrityKey key, AuditConfig config, MeterRegistry metrics) {
    this.topic = topic;
    this.key = key;
    this.file = config.anchors().file();
    this.invalid = metrics.counter("mailgate.audit.anchors.invalid");
    this.written = metrics.counter("mailgate.audit.anchors.written");
    this.unreadable = metrics.counter("mailgate.audit.anchors.read.failures");
    this.fileFailures = metrics.counter("mailgate.audit.anchors.file.failures");
  }

  /**
   * Reads the anchors written since the last refresh. When the topic cannot be read, the anchors
   * already known still apply (and the failure is logged and counted).
   */
  public synchronized void refresh() {
    try {
      for (byte[] value : topic.readNew()) {
        Optional<Anchor> anchor = Anchor.read(key.anchorKey(), value);
        if (anchor.isPresent()) {
          keep(anchor.get());
        } else {
          invalid.increment();
          Log.warnf("ignored an anchor record that is malformed or whose MAC does not verify");
        }
      }
    } catch (RuntimeException e) {
      unreadable.increment();
      Log.warnf(
          "the anchors could not be read (%s); verifying against the %d known", e, latest.size());
    }
  }

  /** The highest anchored position of {@code chain} known, if any. */
  public Optional<Anchor> latest(String chain) {
    return Optional.ofNullable(latest.get(chain));
  }

  /** Writes {@code anchor} to the topic (it must succeed), then to the file when one is set. */
  public void write(Anchor anchor) {
    topic.publish(anchor.chain(), anchor.json());
    keep(anchor);
    written.increment();
    file.ifPresent(path -> append(path, anchor));
  }

  private void keep(Anchor anchor) {
    latest.merge(
        anchor.chain(), anchor, (known, read) -> read.position() > known.position() ? read : known);
  }

  private void append(Path path, Anchor anchor) {
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(
          path,
          anchor.json() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      fileFailures.increment();
      Log.errorf("the anchor of chain %s could not be appended to %s: %s", anchor.chain(), path, e);
    }
  }
}
