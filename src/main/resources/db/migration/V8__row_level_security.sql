-- Issue 17: PostgreSQL enforces the tenant under the Java code, as a second line.
--
-- Flyway migrates as the schema's owner. The service connects as ${app_role}: a role that owns nothing,
-- cannot bypass row-level security, and may read, insert and update rows but never delete them. A
-- deployment whose migrating role may not create roles creates ${app_role} itself beforehand (the Helm
-- chart's README says how); this only creates it where it is missing.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${app_role}') then
        create role "${app_role}" login nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
    end if;
end
$$;

grant usage on schema public to "${app_role}";
grant select, insert, update on all tables in schema public to "${app_role}";
grant usage, select on all sequences in schema public to "${app_role}";
-- Tables and sequences later migrations create get the same grants.
alter default privileges in schema public grant select, insert, update on tables to "${app_role}";
alter default privileges in schema public grant usage, select on sequences to "${app_role}";
-- Flyway's own history is the owner's alone.
revoke all on flyway_schema_history from "${app_role}";

-- Each transaction of the service names its tenant (kz.qorgau.tenant.TenantSession sets qorgau.tenant on
-- every connection it takes from the pool); a row of any other tenant is neither seen nor written. A
-- connection that names no tenant sees no row at all: current_setting answers null or ''.
alter table agency enable row level security;
create policy tenant_isolation on agency
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table incident enable row level security;
create policy tenant_isolation on incident
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table survivor enable row level security;
create policy tenant_isolation on survivor
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table case_file enable row level security;
create policy tenant_isolation on case_file
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table consent enable row level security;
create policy tenant_isolation on consent
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table referral enable row level security;
create policy tenant_isolation on referral
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table referral_history enable row level security;
create policy tenant_isolation on referral_history
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table outbox_event enable row level security;
create policy tenant_isolation on outbox_event
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table risk_questionnaire enable row level security;
create policy tenant_isolation on risk_questionnaire
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table risk_assessment enable row level security;
create policy tenant_isolation on risk_assessment
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table protective_order enable row level security;
create policy tenant_isolation on protective_order
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table protective_order_violation enable row level security;
create policy tenant_isolation on protective_order_violation
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table audit_chain enable row level security;
create policy tenant_isolation on audit_chain
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table audit_entry enable row level security;
create policy tenant_isolation on audit_entry
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table agency_feed enable row level security;
create policy tenant_isolation on agency_feed
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table webhook_subscription enable row level security;
create policy tenant_isolation on webhook_subscription
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table webhook_delivery enable row level security;
create policy tenant_isolation on webhook_delivery
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
-- A case's links to incidents carry no tenant of their own: they are seen with their case.
alter table case_incident enable row level security;
create policy tenant_isolation on case_incident
    using (exists (select 1 from case_file c where c.id = case_id))
    with check (exists (select 1 from case_file c where c.id = case_id));
-- The list of networks is no network's data: the service reads it and adds the tenants it is given.
