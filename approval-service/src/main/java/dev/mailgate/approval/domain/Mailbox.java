package dev.mailgate.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mailbox's oversight policy settings; grants and recipient rules are rows of their own. */
@Entity
@Table(name = "mailbox")
public class Mailbox {

  /** The MultiMail mailbox id, as agents put it in {@code mailbox_id}. */
  @Id public String id;

  public String address;

  @Column(name = "oversight_mode")
  public OversightMode oversightMode = OversightMode.GATED_SEND;

  @Column(name = "review_ttl_seconds")
  public long reviewTtlSeconds = 86_400;

  @Column(name = "expiry_action")
  public ExpiryAction expiryAction = ExpiryAction.REJECT;

  @Column(name = "conflict_action")
  public ConflictAction conflictAction = ConflictAction.HOLD;

  @Column(name = "max_recipients")
  public int maxRecipients = 50;

  @Column(name = "role_sends_per_hour")
  public Integer roleSendsPerHour;

  @Column(name = "recipient_cooldown_seconds")
  public long recipientCooldownSeconds;

  @Column(name = "duplicate_window_seconds")
  public long duplicateWindowSeconds = 86_400;

  @Column(name = "near_duplicate_bits")
  public int nearDuplicateBits = 3;

  @Column(name = "conflict_scope")
  public ConflictScope conflictScope = ConflictScope.TOPIC;

  @Column(name = "topic_similarity")
  public double topicSimilarity = ConflictRules.DEFAULT_TOPIC_SIMILARITY;

  @Column(name = "contradiction_similarity")
  public double contradictionSimilarity = ConflictRules.DEFAULT_CONTRADICTION_SIMILARITY;

  @Column(name = "duplicate_similarity")
  public double duplicateSimilarity = ConflictRules.DEFAULT_DUPLICATE_SIMILARITY;

  /** Where reviewers are told of held and expiring items (Slack-compatible webhook), or null. */
  @Column(name = "notify_webhook_url")
  public String notifyWebhookUrl;

  /**
   * Where a {@code monitored} mailbox's mail goes in copy (bcc on {@code mail.approved}) when it
   * leaves without a reviewer, or null for no copy.
   */
  @Column(name = "oversight_address")
  public String oversightAddress;

  @Column(name = "updated_at")
  public Instant updatedAt = Instant.now();
}
