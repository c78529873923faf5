-- The review list filtered by role or team walks only that role's or team's pending items, oldest
-- first, like the mailbox filter does (intent_pending_mailbox): with 100,000 items pending, a page
-- of a small role no longer scans the whole queue.
CREATE INDEX intent_pending_role ON intent (role, received_at, intent_id) WHERE state IN ('held', 'conflict');
CREATE INDEX intent_pending_team ON intent (team, received_at, intent_id) WHERE state IN ('held', 'conflict');
