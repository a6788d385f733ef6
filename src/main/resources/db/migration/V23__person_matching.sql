-- Keyed match tokens (HMAC with the search key, per network) of the people a case or an incident is about: the IIN
-- where known, and a normalised name with the birth date. They let the service recognise her third call-out
-- without keeping her IIN or comparing names in the clear; no endpoint takes or returns them.
alter table survivor add column iin_token bytea;
alter table survivor add column name_birth_token bytea;
-- Is she already known: open cases of the survivor with either token.
create index survivor_iin_token_idx on survivor (tenant_id, iin_token) where iin_token is not null;
create index survivor_name_birth_token_idx on survivor (tenant_id, name_birth_token) where name_birth_token is not null;

-- The people an incident names, by their tokens only; their names stay in the incident's sealed persons.
create table incident_person (
    incident_id       uuid         not null references incident (id),
    position          smallint     not null,
    tenant_id         varchar(63)  not null references tenant (id),
    role              varchar(20)  not null,
    iin_token         bytea,
    name_birth_token  bytea,
    occurred_at       timestamptz  not null,
    primary key (incident_id, position),
    check (iin_token is not null or name_birth_token is not null)
);
-- Her incidents in the last twelve months, by either token.
create index incident_person_iin_idx on incident_person (tenant_id, iin_token, occurred_at) where iin_token is not null;
create index incident_person_name_birth_idx on incident_person (tenant_id, name_birth_token, occurred_at)
    where name_birth_token is not null;

alter table incident_person enable row level security;
create policy tenant_isolation on incident_person
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
-- Retention removes the tokens of an incident's people with their names.
grant delete on incident_person to "${app_role}";
