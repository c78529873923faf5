CREATE TABLE probe (
    id          BIGINT      PRIMARY KEY,
    label       TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
