-- Issue 26: the tenant condition of every policy is read as a subquery, so that no plan is made for one network.
--
-- The planner evaluates current_setting('qorgau.tenant') while it plans, to estimate how many rows the condition
-- keeps. A prepared statement's generic plan, cached on a pooled connection and reused for every network after, was
-- so estimated for whichever network the connection acted for when it was made. For a network the statistics do
-- not know yet (one onboarded since the last analyze) the estimate is one row, and the plan then reads the largest
-- network's rows through a tenant-led index, filtering them all, to find one row by its key: 30 ms at 100,000
-- referrals instead of 0.02, and growing with the table. A subquery's value is a parameter the planner cannot see,
-- so every network gets the plan of an average one; its index conditions are the same. The entities' own
-- restriction (kz.qorgau.tenant.TenantRows) changes with this. Only the condition changes: who sees what does not.
do $$
declare
    policy record;
begin
    for policy in
        select schemaname, tablename
          from pg_policies
         where policyname = 'tenant_isolation'
           and qual = '((tenant_id)::text = current_setting(''qorgau.tenant''::text, true))'
    loop
        execute format('alter policy tenant_isolation on %I.%I'
                       ' using (tenant_id = (select current_setting(''qorgau.tenant'', true)))'
                       ' with check (tenant_id = (select current_setting(''qorgau.tenant'', true)))',
                       policy.schemaname, policy.tablename);
    end loop;
end
$$;
