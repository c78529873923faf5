-- Role names compare as events' RoleNames.key does (NFKC, invisible characters removed, case folded,
-- white space, '_' and '-' removed): the hourly limit counts a role by that key, so "Engineer",
-- "engineer" and "En_gineer" share one limit, and the review list's role filter finds all of them.
-- Rows written before get an approximation (lower case, white space, '_' and '-' removed), which
-- differs only for roles with other characters.
ALTER TABLE intent ADD COLUMN role_key TEXT;
UPDATE intent SET role_key = lower(regexp_replace(role, '[[:space:]_-]+', '', 'g')) WHERE role IS NOT NULL;
DROP INDEX intent_role_window;
CREATE INDEX intent_role_window ON intent (mailbox_id, role_key, received_at);
DROP INDEX intent_pending_role;
CREATE INDEX intent_pending_role ON intent (role_key, received_at, intent_id) WHERE state IN ('held', 'conflict');
