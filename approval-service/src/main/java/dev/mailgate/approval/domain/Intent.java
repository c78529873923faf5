package dev.mailgate.approval.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.IntentKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An intent as received and every decision about it: the review item and the dedup window. */
@Entity
@Table(name = "intent")
public class Intent {

  @Id
  @Column(name = "intent_id")
  public String intentId;

  @Column(name = "mailbox_id")
  public String mailboxId;

  public IntentKind kind;
  public String team;
  public String role;

  /** {@link dev.mailgate.events.RoleNames#key} of {@code role}: what limits count by. */
  @Column(name = "role_key")
  public String roleKey;

  public String agent;
  public String action;

  @Column(name = "trigger_message_id")
  public String triggerMessageId;

  public String reasoning;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "to_addresses")
  public List<String> to = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "cc_addresses")
  public List<String> cc = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "bcc_addresses")
  public List<String> bcc = new ArrayList<>();

  public String subject;
  public String markdown;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode attachments;

  @Column(name = "reply_to_email_id")
  public String replyToEmailId;

  @Column(name = "thread_id")
  public String threadId;

  /** The thread this intent belongs to: its thread id, else the email it replies to. */
  @Column(name = "thread_key")
  public String threadKey;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "received_at")
  public Instant receivedAt;

  public DecisionState state;
  public String reason;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode problems;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "related_intent_id")
  public String relatedIntentId;

  @Column(name = "conflict_id")
  public UUID conflictId;

  @Column(name = "content_hash")
  public String contentHash;

  @Column(name = "recipients_hash")
  public String recipientsHash;

  @Column(name = "subject_key")
  public String subjectKey;

  public Long fingerprint;

  /** What the email is about ({@link TopicTerms}); null for intents stored before V3. */
  @Column(name = "topic_terms")
  public String topicTerms;

  /** What the email states ({@link Fact#encode}). */
  public String facts;

  /** How this intent disagrees with the members of its conflict group, for reviewers. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "conflict_facts")
  public JsonNode conflictFacts;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** Sent under {@code monitored}, waiting for a reviewer to look at it afterwards. */
  @Column(name = "review_after")
  public boolean reviewAfter;

  /** Who looked at this monitored email after it was sent (then {@link #reviewAfter} is off). */
  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  /** What the reviewer noted when acknowledging, if anything. */
  @Column(name = "acknowledgement")
  public String acknowledgement;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "edited_fields")
  public List<String> editedFields = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "original_content")
  public JsonNode originalContent;

  @Column(name = "delivery_status")
  public String deliveryStatus;

  @Column(name = "provider_email_id")
  public String providerEmailId;

  @Column(name = "delivery_error")
  public String deliveryError;

  @Version public long version;

  /** Waiting for a reviewer. */
  public boolean isPending() {
    return state == DecisionState.HELD || state == DecisionState.CONFLICT;
  }

  /** The duplicate and conflict keys stored with the intent. */
  public ContentKeys keys() {
    return new ContentKeys(
        contentHash,
        recipientsHash,
        subjectKey,
        fingerprint == null ? 0 : fingerprint,
        topicTerms,
        facts);
  }

  /** Computes the duplicate and conflict keys from the content (again after a reviewer's edit). */
  public ContentKeys recomputeKeys() {
    ContentKeys keys = ContentKeys.of(subject, markdown, recipients());
    contentHash = keys.contentHash();
    recipientsHash = keys.recipientsHash();
    subjectKey = keys.subjectKey();
    fingerprint = keys.fingerprint();
    topicTerms = keys.topicTerms();
    facts = keys.facts();
    return keys;
  }

  /** Every recipient, lower-case. */
  public List<String> recipients() {
    List<String> all = new ArrayList<>(to);
    all.addAll(cc);
    all.addAll(bcc);
    return all.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
  }
}
