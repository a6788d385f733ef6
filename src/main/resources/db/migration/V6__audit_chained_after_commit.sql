-- Audit entries are written unchained by the transaction that does what they record, and chained a moment
-- later, in batches, by the tenant's chainer (kz.qorgau.audit.AuditChainer). Chaining at commit held the
-- tenant's chain head from the append through the commit's WAL flush, so with durable commits every
-- audited request of a tenant committed one after another (BENCHMARKS.md, issue 10).
alter table audit_entry
    alter column seq drop not null,
    alter column prev_hash drop not null,
    alter column hash drop not null,
    add constraint audit_entry_chained_whole check ((seq is null) = (hash is null) and (hash is null) = (prev_hash is null));

create index audit_entry_unchained_idx on audit_entry (tenant_id, at, id) where hash is null;

-- Still append-only: the one change allowed is the chainer sealing an entry not yet chained, touching
-- nothing but its number and hashes.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
            and (to_jsonb(old) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(new) - 'seq' - 'prev_hash' - 'hash') then
        return new;
    end if;
    raise exception 'audit_entry is append-only';
end
$$;
