-- A monitored mailbox's copies go to its oversight address (bcc on mail.approved), if it has one.
ALTER TABLE mailbox ADD COLUMN oversight_address text;

-- A reply to an email MailGate sent resolves its recipients from that email (by MultiMail's id).
CREATE INDEX intent_provider_email ON intent (provider_email_id) WHERE provider_email_id IS NOT NULL;
