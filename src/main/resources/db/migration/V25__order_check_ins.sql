-- A court's obligation to report to police, as the dates he must come on; the police unit records each visit, and
-- one not recorded by its day is missed, listed for the unit and announced once.
create table order_check_in (
    order_id            uuid         not null references protective_order (id),
    due_on              date         not null,
    tenant_id           varchar(63)  not null references tenant (id),
    attended_at         timestamptz,
    recorded_by         varchar(255),
    missed_notified_at  timestamptz,
    primary key (order_id, due_on)
);
-- The missed check-ins the job announces, once each.
create index order_check_in_missed_idx on order_check_in (tenant_id, due_on)
    where attended_at is null and missed_notified_at is null;
-- The coordinators' figures: missed check-ins per month.
create index order_check_in_due_idx on order_check_in (tenant_id, due_on) where attended_at is null;
-- The coordinators' figures: incidents and breaches per month.
create index incident_occurred_idx on incident (tenant_id, occurred_at);
create index protective_order_violation_occurred_idx on protective_order_violation (tenant_id, occurred_at);
-- A police unit's orders: its missed check-ins and its prompts to apply to the court.
create index protective_order_recorded_by_idx on protective_order (recorded_by_agency, expires_on)
    where revoked_at is null;

alter table order_check_in enable row level security;
create policy tenant_isolation on order_check_in
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
