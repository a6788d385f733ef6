-- Issue 19: an audit entry carries the service's MAC, made when it is written with a key the database never
-- holds; the chainer refuses an entry whose MAC does not match (one inserted by someone who can write to the
-- database but does not hold the key) and marks it refused instead, so it stays as evidence and is never
-- chained. Entries chained before this migration have no MAC; their chain hashes already cover them.
alter table audit_entry
    add column mac bytea,
    add column refused_at timestamptz,
    add constraint audit_entry_refused_unchained check (refused_at is null or hash is null);

drop index audit_entry_unchained_idx;
create index audit_entry_unchained_idx on audit_entry (tenant_id, at, id) where hash is null and refused_at is null;
create index audit_entry_refused_idx on audit_entry (tenant_id, at) where refused_at is not null;

-- Still append-only. Two changes are allowed, each touching only its own columns of an entry not yet chained:
-- the chainer sealing it (number and hashes), or the chainer refusing it (refused_at, once).
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.hash is null and old.refused_at is null and new.hash is not null
            and new.refused_at is null
            and (to_jsonb(old) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(new) - 'seq' - 'prev_hash' - 'hash') then
        return new;
    end if;
    if tg_op = 'UPDATE' and old.hash is null and old.refused_at is null and new.hash is null
            and new.refused_at is not null
            and (to_jsonb(old) - 'refused_at') = (to_jsonb(new) - 'refused_at') then
        return new;
    end if;
    raise exception 'audit_entry is append-only';
end
$$;

-- Signed checkpoints of each tenant's chain head (kz.qorgau.audit.AuditCheckpoints). Their worth is in the
-- copies that leave the database (the auditors' webhooks and the log); the rows here say when the last one
-- was made, so that replicas take turns, and let an auditor list them.
create table audit_checkpoint (
    tenant_id  varchar(63)  not null references tenant (id),
    seq        bigint       not null,
    hash       bytea        not null,
    at         timestamptz  not null,
    key_id     varchar(64)  not null,
    signature  bytea        not null,
    primary key (tenant_id, at, seq)
);

alter table audit_checkpoint enable row level security;
create policy tenant_isolation on audit_checkpoint
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
