-- Reviewers are told when something is held or about to expire: a Slack-compatible webhook per
-- mailbox; each notification is queued in the transaction of its cause and sent with retries.
ALTER TABLE mailbox ADD COLUMN notify_webhook_url text;

CREATE TABLE review_notification (
    id              bigserial   PRIMARY KEY,
    mailbox_id      text        NOT NULL,
    intent_id       text        NOT NULL,
    kind            text        NOT NULL,
    url             text        NOT NULL,
    payload         text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text,
    CONSTRAINT review_notification_once UNIQUE (intent_id, kind)
);

CREATE INDEX review_notification_due ON review_notification (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;
