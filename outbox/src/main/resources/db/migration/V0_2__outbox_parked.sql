-- Records the broker refused for good (too large for it, an invalid topic): set aside so that they
-- never hold up the records behind them, kept with the error until an operator re-queues them.
CREATE TABLE outbox_parked (
    id          BIGINT      PRIMARY KEY,
    event_id    UUID        NOT NULL,
    topic       TEXT        NOT NULL,
    message_key TEXT,
    event_type  TEXT        NOT NULL,
    payload     BYTEA       NOT NULL,
    headers     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ NOT NULL,
    parked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    error       TEXT        NOT NULL
);
