-- Sent email MultiMail has not reported a final status for yet (delivered, bounced, rejected by its
-- reviewer, failed). Followed until it has, or until follow_until; a row is deleted once final.
CREATE TABLE followed_email (
    intent_id         TEXT PRIMARY KEY,
    mailbox_id        TEXT NOT NULL,
    provider_email_id TEXT NOT NULL,
    thread_id         TEXT,
    attempt           INT NOT NULL,
    last_status       TEXT,
    checks            INT NOT NULL DEFAULT 0,
    next_check_at     TIMESTAMPTZ NOT NULL,
    follow_until      TIMESTAMPTZ NOT NULL
);

CREATE INDEX followed_email_due ON followed_email (next_check_at);
