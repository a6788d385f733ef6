-- Issue 6: survivors' personal data sealed at rest, consent withdrawal, the audit chain, retention.

-- No deployment holds survivors yet, so the plaintext columns go rather than being migrated: a
-- deployment with rows would instead seal them in place with the re-encryption job before this step.
alter table survivor
    drop column full_name,
    drop column birth_date,
    drop column phone,
    drop column address,
    add column key_id            varchar(32),
    add column full_name_sealed  bytea,
    add column birth_date_sealed bytea,
    add column phone_sealed      bytea,
    add column address_sealed    bytea,
    add column name_hash         bytea,
    add column phone_hash        bytea,
    add column anonymised_at     timestamptz,
    -- Either her data is sealed under a named key, or retention has removed all of it.
    add constraint survivor_sealed_or_anonymised check (
        (anonymised_at is null and key_id is not null and full_name_sealed is not null)
        or (anonymised_at is not null and full_name_sealed is null and birth_date_sealed is null
            and phone_sealed is null and address_sealed is null and name_hash is null and phone_hash is null));
create index survivor_name_hash_idx on survivor (tenant_id, name_hash) where name_hash is not null;
create index survivor_phone_hash_idx on survivor (tenant_id, phone_hash) where phone_hash is not null;
-- Re-encryption finds the rows still sealed under an old key.
create index survivor_key_idx on survivor (key_id) where anonymised_at is null;

alter table case_file
    add column closed_at      timestamptz,
    add column closed_by      varchar(255),
    add column close_reason   varchar(2000),
    add column anonymised_at  timestamptz,
    add constraint case_file_closed_when_closed check ((status = 'CLOSED') = (closed_at is not null));
-- Retention's scan: closed cases not yet anonymised, oldest first.
create index case_file_retention_idx on case_file (tenant_id, closed_at) where status = 'CLOSED' and anonymised_at is null;

alter table consent
    add column version             bigint        not null default 0,
    add column withdrawn_by        varchar(255),
    add column withdrawn_by_agency uuid references agency (id);

-- Coordinators' list of referrals sent without consent, under the emergency exception.
create index referral_emergency_idx on referral (tenant_id, updated_at, id)
    where emergency_reason is not null and consent_id is null and state <> 'DRAFT';
-- Statistics count a tenant's referrals created in a period.
create index referral_created_idx on referral (tenant_id, created_at);

-- The head of each tenant's audit chain; its row lock orders a tenant's entries by commit.
create table audit_chain (
    tenant_id  varchar(63)  primary key references tenant (id),
    last_seq   bigint       not null,
    last_hash  bytea        not null
);

create table audit_entry (
    id               uuid          primary key,
    tenant_id        varchar(63)   not null references tenant (id),
    seq              bigint        not null,
    at               timestamptz   not null,
    actor            varchar(255)  not null,
    actor_agency_id  uuid,
    actor_roles      varchar(32)[] not null,
    action           varchar(32)   not null,
    record_type      varchar(32)   not null,
    record_id        uuid,
    case_id          uuid,
    categories       varchar(32)[] not null,
    detail           varchar(200),
    request_id       varchar(64),
    prev_hash        bytea         not null,
    hash             bytea         not null,
    constraint audit_entry_seq_unique unique (tenant_id, seq)
);
-- The auditor's filters, each paged in sequence order.
create index audit_entry_actor_idx on audit_entry (tenant_id, actor, seq);
create index audit_entry_agency_idx on audit_entry (tenant_id, actor_agency_id, seq);
create index audit_entry_record_idx on audit_entry (tenant_id, record_id, seq);
create index audit_entry_case_idx on audit_entry (tenant_id, case_id, seq);
create index audit_entry_at_idx on audit_entry (tenant_id, at);

-- Append-only: the service never changes or removes an entry, and the database refuses to. Someone who
-- can lift this (the table's owner) still cannot re-forge the chain without the chain key.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
