-- Agent credentials: who may publish intents, for which team, roles and mailboxes. The signing key is
-- derived from a secret this database does not hold (HMAC of the agent id), so a copy of this table
-- cannot sign anything.
CREATE TABLE agent_credential (
    agent_id   TEXT        PRIMARY KEY,
    team       TEXT        NOT NULL,
    roles      TEXT[]      NOT NULL,
    mailboxes  TEXT[]      NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_by TEXT,
    revoked_at TIMESTAMPTZ
);

-- Raising a mailbox's autonomy waits here for a second administrator (two-person rule).
CREATE TABLE mode_change (
    id              UUID        PRIMARY KEY,
    mailbox_id      TEXT        NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    from_mode       TEXT        NOT NULL,
    to_mode         TEXT        NOT NULL,
    requested_by    TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('pending', 'confirmed', 'cancelled')),
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ
);
CREATE INDEX mode_change_pending ON mode_change (mailbox_id) WHERE state = 'pending';
