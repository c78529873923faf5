-- Conflicts by subject matter: what each intent is about and states, what differs in a conflict
-- group, and each mailbox's thresholds ('any_role' keeps "any second role is a conflict").
ALTER TABLE intent
    ADD COLUMN topic_terms    TEXT,
    ADD COLUMN facts          TEXT,
    ADD COLUMN conflict_facts JSONB;

ALTER TABLE mailbox
    ADD COLUMN conflict_scope           TEXT             NOT NULL DEFAULT 'topic'
        CHECK (conflict_scope IN ('topic', 'any_role')),
    ADD COLUMN topic_similarity         DOUBLE PRECISION NOT NULL DEFAULT 0.25
        CHECK (topic_similarity BETWEEN 0 AND 1),
    ADD COLUMN contradiction_similarity DOUBLE PRECISION NOT NULL DEFAULT 0.1
        CHECK (contradiction_similarity BETWEEN 0 AND 1),
    ADD COLUMN duplicate_similarity     DOUBLE PRECISION NOT NULL DEFAULT 0.5
        CHECK (duplicate_similarity BETWEEN 0 AND 1);
