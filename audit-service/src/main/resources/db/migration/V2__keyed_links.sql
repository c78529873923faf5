-- How each row's link was computed: 1 = plain SHA-256 (the rows chained before the integrity key
-- existed, still verifiable), 2 = HMAC-SHA256 under the integrity key, which the database does not
-- hold. Once a chain holds a keyed link, an unkeyed link after it is a break.
alter table audit_event add column link_version smallint not null default 1;
alter table audit_event alter column link_version drop default;
alter table audit_event add constraint audit_event_link_version_ck check (link_version in (1, 2));
