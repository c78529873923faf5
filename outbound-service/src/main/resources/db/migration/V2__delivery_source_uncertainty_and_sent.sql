-- Where a waiting delivery's record came from, so a dead letter written later still says so.
ALTER TABLE delivery ADD COLUMN source_partition INTEGER NOT NULL DEFAULT -1;
ALTER TABLE delivery ADD COLUMN source_offset    BIGINT  NOT NULL DEFAULT -1;
ALTER TABLE delivery ADD COLUMN source_headers   JSONB   NOT NULL DEFAULT '{}'::jsonb;

-- The first try that may have reached MultiMail (5xx, timeout, lost connection). Past MultiMail's
-- idempotency window another try could send a second email, so the delivery becomes 'unknown'
-- and waits for an operator instead.
ALTER TABLE delivery ADD COLUMN uncertain_since TIMESTAMPTZ;
ALTER TABLE delivery ADD COLUMN state TEXT NOT NULL DEFAULT 'waiting';

CREATE INDEX delivery_unknown ON delivery (created_at) WHERE state = 'unknown';

-- Intents MultiMail accepted: a later copy of their approval (a replay, a reset consumer group)
-- is never sent again, also after MultiMail has forgotten the idempotency key.
CREATE TABLE sent_intent (
    intent_id         TEXT        PRIMARY KEY,
    mailbox_id        TEXT        NOT NULL,
    provider_email_id TEXT,
    accepted_at       TIMESTAMPTZ NOT NULL
);
