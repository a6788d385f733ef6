-- A tenant is one coordination network; its id is also the name of its OIDC tenant (one Keycloak realm each).
create table tenant (
    id          varchar(63) primary key check (id ~ '^[a-z][a-z0-9-]{1,62}$'),
    name        varchar(200) not null,
    created_at  timestamptz  not null
);

create table agency (
    id          uuid         primary key,
    tenant_id   varchar(63)  not null references tenant (id),
    name        varchar(200) not null,
    kind        varchar(32)  not null check (kind in ('POLICE', 'SOCIAL_PROTECTION', 'NGO_CRISIS_CENTRE', 'HEALTH', 'LEGAL_AID', 'OTHER')),
    district    varchar(200),
    services    varchar(40)[] not null default '{}',
    email       varchar(254),
    phone       varchar(40),
    active      boolean      not null default true,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint agency_name_unique_in_tenant unique (tenant_id, name)
);

-- Serves the directory list: a tenant's agencies in name-then-id order, optionally by kind.
create index agency_tenant_name_idx on agency (tenant_id, name, id);
create index agency_tenant_kind_name_idx on agency (tenant_id, kind, name, id);
-- Serves "which agencies offer service X".
create index agency_services_idx on agency using gin (services);
