-- One row per polled mailbox: the since_id cursor (the last email emitted, '' before the first)
-- and the lease that keeps two instances from polling the same mailbox at once.
CREATE TABLE mailbox_cursor (
    mailbox_id      TEXT        PRIMARY KEY,
    last_email_id   TEXT        NOT NULL DEFAULT '',
    lease_owner     TEXT,
    lease_until     TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    emitted_total   BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Webhook bodies already accepted (by SHA-256), kept for the replay window.
CREATE TABLE webhook_seen (
    body_sha256 TEXT        PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX webhook_seen_seen_at ON webhook_seen (seen_at);
