-- A record per person who harms her, kept by the network's police: his name, birth date and the police's notes
-- sealed; his match tokens (as the survivors' and incident people's, V23) to recognise him in later incidents.
create table perpetrator (
    id                  uuid         primary key,
    tenant_id           varchar(63)  not null references tenant (id),
    full_name           bytea        not null,
    birth_date          bytea,
    notes               bytea,
    iin_token           bytea,
    name_birth_token    bytea,
    recorded_by         varchar(255) not null,
    recorded_by_agency  uuid         not null references agency (id),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
-- Is he already recorded; is the man an incident names under an order.
create index perpetrator_iin_token_idx on perpetrator (tenant_id, iin_token) where iin_token is not null;
create index perpetrator_name_birth_token_idx on perpetrator (tenant_id, name_birth_token)
    where name_birth_token is not null;

-- The incidents and cases he is linked to.
create table perpetrator_link (
    perpetrator_id  uuid         not null references perpetrator (id),
    tenant_id       varchar(63)  not null references tenant (id),
    incident_id     uuid         references incident (id),
    case_id         uuid         references case_file (id),
    linked_at       timestamptz  not null,
    check (num_nonnulls(incident_id, case_id) = 1)
);
create unique index perpetrator_link_incident_idx on perpetrator_link (perpetrator_id, incident_id)
    where incident_id is not null;
create unique index perpetrator_link_case_idx on perpetrator_link (perpetrator_id, case_id) where case_id is not null;

-- The person an order restrains, when police recorded him; the incident that broke it, when one did.
alter table protective_order add column perpetrator_id uuid references perpetrator (id);
create index protective_order_perpetrator_idx on protective_order (perpetrator_id) where perpetrator_id is not null;
alter table protective_order_violation add column incident_id uuid references incident (id);
-- One violation per order and incident, however often the incident is replayed.
create unique index protective_order_violation_incident_idx on protective_order_violation (order_id, incident_id)
    where incident_id is not null;

alter table perpetrator enable row level security;
create policy tenant_isolation on perpetrator
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table perpetrator_link enable row level security;
create policy tenant_isolation on perpetrator_link
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
