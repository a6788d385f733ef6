-- Issue 26: the chainer seals every entry a moment after it is written, and each seal ran this trigger, which
-- compared the old and new rows as JSON (two to_jsonb of the whole row). That was 40% of the time PostgreSQL took to
-- seal an entry (20,000 entries sealed in 1,017-1,064 ms, against 611 with the trigger off). The rule is the same:
-- the two changes allowed are the chainer sealing an entry not yet chained (its number and hashes) and refusing one
-- (refused_at, once), each touching only its own columns. The rows are now compared as rows, every column of the
-- table included without naming any: the new row with the allowed columns put back must not be distinct from the
-- old (573-668 ms for the same 20,000).
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
declare
    unchanged audit_entry;
begin
    if tg_op = 'UPDATE' and old.hash is null and old.refused_at is null then
        unchanged := new;
        if new.hash is not null and new.refused_at is null then
            unchanged.seq := old.seq;
            unchanged.prev_hash := old.prev_hash;
            unchanged.hash := old.hash;
            if unchanged is not distinct from old then
                return new;
            end if;
        elsif new.hash is null and new.refused_at is not null then
            unchanged.refused_at := old.refused_at;
            if unchanged is not distinct from old then
                return new;
            end if;
        end if;
    end if;
    raise exception 'audit_entry is append-only';
end
$$;
