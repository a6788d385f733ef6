-- The tenant condition of every row-level security policy as it was before migration V36 (as V8 and the later
-- migrations wrote it), for bench/perf.sh's BASELINE_SQL: the same build measured on both conditions.
do $$
declare
    policy record;
begin
    for policy in
        select schemaname, tablename
          from pg_policies
         where policyname = 'tenant_isolation'
           and qual = '((tenant_id)::text = ( SELECT current_setting(''qorgau.tenant''::text, true) AS current_setting))'
    loop
        execute format('alter policy tenant_isolation on %I.%I'
                       ' using (tenant_id = current_setting(''qorgau.tenant'', true))'
                       ' with check (tenant_id = current_setting(''qorgau.tenant'', true))',
                       policy.schemaname, policy.tablename);
    end loop;
end
$$;
