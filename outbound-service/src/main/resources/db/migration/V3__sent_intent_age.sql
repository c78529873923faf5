-- Retention prunes the record of sent intents by age; a BRIN index finds old rows at next to no cost
-- on insert (rows arrive in time order).
CREATE INDEX sent_intent_accepted_brin ON sent_intent USING brin (accepted_at);
