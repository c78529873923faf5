-- One row per event seen on any mail.* or dead-letter topic. Rows are never updated or deleted by
-- the service (retention, when configured, removes whole chain prefixes and moves the chain base).
create sequence audit_event_id_seq increment by 100;

create table audit_event (
    id                 bigint primary key,
    dedup_key          text        not null,
    event_id           text,
    chain_key          text        not null,
    chain_seq          bigint      not null,
    prev_hash          text        not null,
    hash               text        not null,
    event_type         text        not null,
    source_topic       text        not null,
    source_partition   integer     not null,
    source_offset      bigint      not null,
    kafka_key          text,
    team               text,
    role               text,
    agent              text,
    action             text,
    trigger_message_id text,
    reasoning          text,
    mailbox_id         text,
    intent_id          text,
    thread_id          text,
    provider_email_id  text,
    actor_type         text,
    actor_id           text,
    occurred_at        timestamptz not null,
    recorded_at        timestamptz not null,
    payload            jsonb,
    raw_value          text,
    headers            jsonb,
    dead_letter_reason text,
    dead_letter_topic  text,
    error              text,
    constraint audit_event_dedup_key_uk unique (dedup_key),
    constraint audit_event_chain_position_uk unique (chain_key, chain_seq)
);

create index audit_event_time_ix on audit_event (occurred_at, id);
create index audit_event_mailbox_time_ix on audit_event (mailbox_id, occurred_at, id);
create index audit_event_team_time_ix on audit_event (team, occurred_at, id);
create index audit_event_role_time_ix on audit_event (role, occurred_at, id);
create index audit_event_intent_ix on audit_event (intent_id);
create index audit_event_thread_ix on audit_event (thread_id);

-- The head of each hash chain (one per mailbox). Appends lock the head row FOR UPDATE, which
-- serialises writers of one chain across service instances while other chains proceed.
create table audit_chain (
    chain_key  text        primary key,
    last_seq   bigint      not null,
    last_hash  text        not null,
    base_seq   bigint      not null,
    base_hash  text        not null,
    updated_at timestamptz not null
);
