-- Risk questionnaires are data: one versioned definition per tenant, the first copied from the default
-- shipped with the service. An assessment keeps the version it was answered against.
create table risk_questionnaire (
    tenant_id   varchar(63)  not null references tenant (id),
    version     integer      not null check (version > 0),
    definition  jsonb        not null,
    created_by  varchar(255) not null,
    created_at  timestamptz  not null,
    primary key (tenant_id, version)
);

create table risk_assessment (
    id                     uuid         primary key,
    tenant_id              varchar(63)  not null references tenant (id),
    case_id                uuid         not null references case_file (id),
    questionnaire_version  integer      not null,
    answers                jsonb        not null,
    score                  integer      not null,
    scored_level           varchar(16)  not null,
    level                  varchar(16)  not null,
    judgement_reason       varchar(2000),
    assessed_by            varchar(255) not null,
    assessor_agency_id     uuid         not null references agency (id),
    assessed_at            timestamptz  not null,
    foreign key (tenant_id, questionnaire_version) references risk_questionnaire (tenant_id, version)
);
create index risk_assessment_case_idx on risk_assessment (case_id, assessed_at, id);

create table protective_order (
    id                  uuid          primary key,
    tenant_id           varchar(63)   not null references tenant (id),
    case_id             uuid          not null references case_file (id),
    number              varchar(100)  not null,
    kind                varchar(32)   not null,
    issuing_authority   varchar(300)  not null,
    issued_on           date          not null,
    expires_on          date          not null,
    conditions          jsonb         not null,
    revoked_at          timestamptz,
    revocation_reason   varchar(2000),
    expiry_notified_at  timestamptz,
    recorded_by         varchar(255)  not null,
    recorded_by_agency  uuid          not null references agency (id),
    version             bigint        not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    constraint protective_order_dates check (expires_on >= issued_on),
    constraint protective_order_number_unique unique (tenant_id, number)
);
create index protective_order_case_idx on protective_order (case_id, created_at, id);
-- The expiry job looks only at orders not yet announced, by expiry date.
create index protective_order_expiry_idx on protective_order (expires_on) where expiry_notified_at is null and revoked_at is null;

create table protective_order_violation (
    id                  uuid          primary key,
    tenant_id           varchar(63)   not null references tenant (id),
    order_id            uuid          not null references protective_order (id),
    occurred_at         timestamptz   not null,
    description         varchar(4000) not null,
    reported_by         varchar(255)  not null,
    reporter_agency_id  uuid          not null references agency (id),
    reported_at         timestamptz   not null
);
create index protective_order_violation_order_idx on protective_order_violation (order_id, occurred_at, id);

-- The service directory: what each agency offers, where, in which languages, when, and its free places.
alter table agency
    add column districts            varchar(200)[] not null default '{}',
    add column languages            varchar(8)[]   not null default '{}',
    add column hours                varchar(500),
    add column free_places          integer check (free_places >= 0),
    add column accepting_referrals  boolean        not null default true,
    add column directory_updated_at timestamptz;
create index agency_districts_idx on agency using gin (districts);
create index agency_languages_idx on agency using gin (languages);
