-- Issue 26: the tenant condition of every policy is read as a subquery, so that no plan is made for one network.
--
-- The planner evaluates current_setting('qorgau.tenant') while it plans, to estimate how many rows the condition
-- keeps. A prepared statement's generic plan, cached on a pooled connection and reused for every network after, was
-- so estimated for whichever network the connection acted for when it was made. For a network the statistics do
-- not know yet (one onboarded since the last analyze) the estimate is one row, and the plan then reads the largest
-- network's rows through a tenant-led index, filtering them all, to find one row by its key: 70 ms at 1,000,000
-- referrals instead of 0.1, and growing with the table. A subquery's value is a parameter the planner cannot see,
-- so every network gets the plan of an average one; its index conditions are the same. The entities' own
-- restriction (kz.qorgau.tenant.TenantRows) changes with this. Only the condition changes: who sees what does not.
--
-- The old replicas go on serving while a new one runs this. Altering a policy locks its table against every read
-- until the change commits, so each table's change commits on its own (the script runs outside a transaction:
-- V36__...sql.conf), holding one table at a time, which cannot deadlock with a request; while it waits for a table
-- (2 s at most an attempt) the old replicas' reads of that table wait behind it. A table still busy after ten attempts
-- fails the migration; the loop skips what is done, so the script may be run again as a whole.
set lock_timeout = '2s';
do $$
declare
    policy record;
    done boolean;
begin
    for policy in
        select tablename
          from pg_policies
         where schemaname = current_schema()
           and policyname = 'tenant_isolation'
           and qual = '((tenant_id)::text = current_setting(''qorgau.tenant''::text, true))'
    loop
        for attempt in 1..10 loop
            begin
                execute format('alter policy tenant_isolation on %I'
                               ' using (tenant_id = (select current_setting(''qorgau.tenant'', true)))'
                               ' with check (tenant_id = (select current_setting(''qorgau.tenant'', true)))',
                               policy.tablename);
                done := true;
            exception when lock_not_available then
                done := false;
            end;
            exit when done or attempt = 10;
            perform pg_sleep(1);
        end loop;
        if not done then
            raise exception 'tenant_isolation on % stayed busy: run the migration again', policy.tablename;
        end if;
        commit;
    end loop;
end
$$;
reset lock_timeout;
-- Every network's policy reads the setting in a subquery now, or this migration is not done. (A case's incidents
-- are the exception: their policy asks for the case, under the case's own policy.)
do $$
declare
    left_over text;
begin
    select string_agg(tablename, ', ') into left_over
      from pg_policies
     where schemaname = current_schema()
       and policyname = 'tenant_isolation'
       and tablename <> 'case_incident'
       and (qual is distinct from
                '((tenant_id)::text = ( SELECT current_setting(''qorgau.tenant''::text, true) AS current_setting))'
            or with_check is distinct from
                '((tenant_id)::text = ( SELECT current_setting(''qorgau.tenant''::text, true) AS current_setting))');
    if left_over is not null then
        raise exception 'tenant_isolation policies not in the subquery form: %', left_over;
    end if;
    -- Nor is it if it looked in a schema without them (another search path).
    if not exists (select 1 from pg_policies where schemaname = current_schema() and policyname = 'tenant_isolation') then
        raise exception 'no tenant_isolation policy in schema %', current_schema();
    end if;
end
$$;
