-- Deliveries waiting for another try: after a transient failure, or while their mailbox is paused.
-- A row exists only until the delivery's final outcome is written (in the same transaction).
CREATE TABLE delivery (
    intent_id       TEXT        PRIMARY KEY,
    mailbox_id      TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    payload         BYTEA       NOT NULL,
    attempts        INTEGER     NOT NULL,
    failures        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX delivery_due ON delivery (next_attempt_at);
CREATE INDEX delivery_mailbox ON delivery (mailbox_id);

-- A mailbox MultiMail rate limited or whose quota ran out: its deliveries wait until resume_at
-- (then one try probes), or until an operator resumes it.
CREATE TABLE mailbox_pause (
    mailbox_id TEXT        PRIMARY KEY,
    reason     TEXT        NOT NULL,
    paused_at  TIMESTAMPTZ NOT NULL,
    resume_at  TIMESTAMPTZ NOT NULL,
    last_error TEXT
);

-- Quota exhaustion is announced once per mailbox per period (calendar month, UTC).
CREATE TABLE quota_announcement (
    mailbox_id   TEXT        NOT NULL,
    period       TEXT        NOT NULL,
    intent_id    TEXT        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mailbox_id, period)
);
