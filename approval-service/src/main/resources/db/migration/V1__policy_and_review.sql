-- Oversight policy: mailboxes, role grants, recipient rules.
CREATE TABLE mailbox (
    id                         TEXT        PRIMARY KEY,
    address                    TEXT,
    oversight_mode             TEXT        NOT NULL DEFAULT 'gated_send'
        CHECK (oversight_mode IN ('read_only', 'gated_all', 'gated_send', 'monitored', 'autonomous')),
    review_ttl_seconds         BIGINT      NOT NULL DEFAULT 86400 CHECK (review_ttl_seconds > 0),
    expiry_action              TEXT        NOT NULL DEFAULT 'reject' CHECK (expiry_action IN ('reject', 'approve')),
    conflict_action            TEXT        NOT NULL DEFAULT 'hold' CHECK (conflict_action IN ('hold', 'ignore')),
    max_recipients             INT         NOT NULL DEFAULT 50 CHECK (max_recipients > 0),
    role_sends_per_hour        INT         CHECK (role_sends_per_hour > 0),
    recipient_cooldown_seconds BIGINT      NOT NULL DEFAULT 0 CHECK (recipient_cooldown_seconds >= 0),
    duplicate_window_seconds   BIGINT      NOT NULL DEFAULT 86400 CHECK (duplicate_window_seconds > 0),
    near_duplicate_bits        INT         NOT NULL DEFAULT 3 CHECK (near_duplicate_bits BETWEEN 0 AND 32),
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE role_grant (
    mailbox_id TEXT    NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL,
    can_send   BOOLEAN NOT NULL,
    can_read   BOOLEAN NOT NULL,
    PRIMARY KEY (mailbox_id, role)
);

CREATE TABLE recipient_rule (
    id         BIGSERIAL PRIMARY KEY,
    mailbox_id TEXT      NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    pattern    TEXT      NOT NULL,
    effect     TEXT      NOT NULL CHECK (effect IN ('allow', 'deny')),
    UNIQUE (mailbox_id, pattern, effect)
);

-- Every intent ever received (valid or not): the review queue and the dedup window.
CREATE TABLE intent (
    intent_id          TEXT        PRIMARY KEY,
    mailbox_id         TEXT,
    kind               TEXT,
    team               TEXT,
    role               TEXT,
    agent              TEXT,
    action             TEXT,
    trigger_message_id TEXT,
    reasoning          TEXT,
    to_addresses       TEXT[]      NOT NULL DEFAULT '{}',
    cc_addresses       TEXT[]      NOT NULL DEFAULT '{}',
    bcc_addresses      TEXT[]      NOT NULL DEFAULT '{}',
    subject            TEXT,
    markdown           TEXT,
    attachments        JSONB,
    reply_to_email_id  TEXT,
    thread_id          TEXT,
    thread_key         TEXT,
    created_at         TIMESTAMPTZ,
    received_at        TIMESTAMPTZ NOT NULL,
    state              TEXT        NOT NULL,
    reason             TEXT,
    problems           JSONB,
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    related_intent_id  TEXT,
    conflict_id        UUID,
    content_hash       TEXT,
    recipients_hash    TEXT,
    subject_key        TEXT,
    fingerprint        BIGINT,
    expires_at         TIMESTAMPTZ,
    review_after       BOOLEAN     NOT NULL DEFAULT false,
    edited_fields      TEXT[]      NOT NULL DEFAULT '{}',
    original_content   JSONB,
    delivery_status    TEXT,
    provider_email_id  TEXT,
    delivery_error     TEXT,
    version            BIGINT      NOT NULL DEFAULT 0
);

-- The review queue, newest last, keyset-paginated.
CREATE INDEX intent_pending ON intent (received_at, intent_id) WHERE state IN ('held', 'conflict');
CREATE INDEX intent_pending_mailbox ON intent (mailbox_id, received_at, intent_id) WHERE state IN ('held', 'conflict');
CREATE INDEX intent_expiry ON intent (expires_at) WHERE state IN ('held', 'conflict');
CREATE INDEX intent_monitored ON intent (mailbox_id, received_at, intent_id) WHERE review_after;
-- Exact duplicates: same recipients, same content.
CREATE INDEX intent_duplicate ON intent (mailbox_id, recipients_hash, content_hash, received_at);
-- Same thread, and per-role hourly counts.
CREATE INDEX intent_thread ON intent (mailbox_id, thread_key, received_at) WHERE thread_key IS NOT NULL;
CREATE INDEX intent_role_window ON intent (mailbox_id, role, received_at);
CREATE INDEX intent_conflict ON intent (conflict_id) WHERE conflict_id IS NOT NULL;

-- One row per recipient of an intent: overlap lookups within the window.
CREATE TABLE intent_recipient (
    intent_id   TEXT        NOT NULL REFERENCES intent (intent_id) ON DELETE CASCADE,
    recipient   TEXT        NOT NULL,
    mailbox_id  TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (intent_id, recipient)
);
CREATE INDEX intent_recipient_window ON intent_recipient (mailbox_id, recipient, received_at);

-- Inbound mail as fetched; held for review in gated_all mailboxes.
CREATE TABLE inbound_email (
    email_id    TEXT        PRIMARY KEY,
    mailbox_id  TEXT        NOT NULL,
    thread_id   TEXT,
    payload     JSONB       NOT NULL,
    state       TEXT        NOT NULL CHECK (state IN ('held', 'released', 'rejected')),
    reason      TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ
);
CREATE INDEX inbound_held ON inbound_email (received_at, email_id) WHERE state = 'held';
