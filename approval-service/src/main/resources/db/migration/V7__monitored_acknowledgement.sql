-- A monitored email a reviewer has looked at after it was sent: who, when, and what they noted.
-- Acknowledging clears review_after, so the monitored listing (and its partial index
-- intent_monitored) holds only what still waits for a look.
ALTER TABLE intent
    ADD COLUMN acknowledged_by TEXT,
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN acknowledgement TEXT;
