-- Pruning finds the oldest marks without reading the table (mailgate.outbox.processed-events.retention).
CREATE INDEX processed_event_age ON processed_event (processed_at);
