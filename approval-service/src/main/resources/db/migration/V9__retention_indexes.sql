-- Retention prunes decided intents, decided inbound mail and finished notifications by age. BRIN
-- indexes on their time columns cost next to nothing on insert (rows arrive in time order) and let
-- each small pruning batch find its rows without a scan.
CREATE INDEX intent_received_brin ON intent USING brin (received_at);
CREATE INDEX inbound_email_received_brin ON inbound_email USING brin (received_at);
CREATE INDEX review_notification_created_brin ON review_notification USING brin (created_at);
