-- How it is safe to contact her, kept by the agencies on her case: every change is a new version, never an edit,
-- so an acknowledgement names exactly the rules its agency read. The rules themselves are sealed; only what the
-- release of her contact data needs to decide in a query is in the clear (whether any channel of a kind is safe).
create table contact_rules (
    id                   uuid         primary key,
    case_id              uuid         not null references case_file (id),
    version              integer      not null check (version > 0),
    tenant_id            varchar(63)  not null references tenant (id),
    -- Null once retention removed her personal data.
    rules_sealed         bytea,
    phone_safe           boolean      not null,
    address_safe         boolean      not null,
    recorded_by          varchar(255) not null,
    recorded_by_name     varchar(255) not null,
    recorded_by_agency   uuid         not null references agency (id),
    recorded_at          timestamptz  not null,
    unique (case_id, version)
);

-- One agency's reading of one version, by a named person.
create table contact_rules_ack (
    case_id              uuid         not null,
    version              integer      not null,
    agency_id            uuid         not null references agency (id),
    tenant_id            varchar(63)  not null references tenant (id),
    acknowledged_by      varchar(255) not null,
    acknowledged_by_name varchar(255) not null,
    acknowledged_at      timestamptz  not null,
    primary key (case_id, agency_id, version),
    foreign key (case_id, version) references contact_rules (case_id, version)
);

-- Each attempt to reach her, by the agency that made it.
create table contact_attempt (
    id                   uuid         primary key,
    case_id              uuid         not null references case_file (id),
    tenant_id            varchar(63)  not null references tenant (id),
    agency_id            uuid         not null references agency (id),
    rules_version        integer      not null,
    channel              varchar(20)  not null,
    attempted_at         timestamptz  not null,
    outcome              varchar(30)  not null,
    note_sealed          bytea,
    recorded_by          varchar(255) not null,
    recorded_at          timestamptz  not null,
    foreign key (case_id, rules_version) references contact_rules (case_id, version)
);
-- A case's attempts, newest first, page by page.
create index contact_attempt_case_idx on contact_attempt (case_id, attempted_at desc, id desc);

alter table contact_rules enable row level security;
create policy tenant_isolation on contact_rules
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table contact_rules_ack enable row level security;
create policy tenant_isolation on contact_rules_ack
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table contact_attempt enable row level security;
create policy tenant_isolation on contact_attempt
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
