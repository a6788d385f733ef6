-- Incidents as police dispatch reports them. A repeat post is recognised by the reporting agency's
-- Idempotency-Key or by the dispatch system's own reference, and never becomes a second row.
create table incident (
    id                   uuid         primary key,
    tenant_id            varchar(63)  not null references tenant (id),
    reporting_agency_id  uuid         not null references agency (id),
    external_reference   varchar(100),
    idempotency_key      varchar(100),
    request_hash         varchar(64)  not null,
    occurred_at          timestamptz  not null,
    district             varchar(200) not null,
    violence_kinds       varchar(30)[] not null,
    children_present     boolean      not null,
    weapons_involved     boolean      not null,
    injuries             boolean      not null,
    description          varchar(4000),
    persons              jsonb        not null default '[]',
    created_by           varchar(255) not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    constraint incident_external_reference_unique unique (tenant_id, reporting_agency_id, external_reference),
    constraint incident_idempotency_key_unique unique (tenant_id, reporting_agency_id, idempotency_key)
);
-- The reporting agency's list, newest changes last, in keyset order; and the coordinator's.
create index incident_agency_updated_idx on incident (tenant_id, reporting_agency_id, updated_at, id);
create index incident_tenant_updated_idx on incident (tenant_id, updated_at, id);

-- The person referrals are about. Personal data columns are encrypted by a later migration (issue 6).
create table survivor (
    id          uuid         primary key,
    tenant_id   varchar(63)  not null references tenant (id),
    full_name   varchar(300) not null,
    birth_date  date,
    phone       varchar(40),
    address     varchar(500),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table case_file (
    id              uuid         primary key,
    tenant_id       varchar(63)  not null references tenant (id),
    survivor_id     uuid         not null references survivor (id),
    lead_agency_id  uuid         not null references agency (id),
    risk_level      varchar(16)  not null check (risk_level in ('EMERGENCY', 'HIGH', 'ROUTINE')),
    status          varchar(16)  not null check (status in ('OPEN', 'CLOSED')),
    summary         varchar(4000),
    opened_by       varchar(255) not null,
    version         bigint       not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index case_file_lead_idx on case_file (tenant_id, lead_agency_id, updated_at, id);
create index case_file_survivor_idx on case_file (survivor_id);

create table case_incident (
    case_id      uuid not null references case_file (id),
    incident_id  uuid not null references incident (id),
    primary key (case_id, incident_id)
);
create index case_incident_incident_idx on case_incident (incident_id);

-- What the survivor agreed to share and with whom. Issue 6 widens the scope to data categories.
create table consent (
    id                   uuid          primary key,
    tenant_id            varchar(63)   not null references tenant (id),
    case_id              uuid          not null references case_file (id),
    recipient_agency_ids uuid[]        not null default '{}',
    recipient_kinds      varchar(32)[] not null default '{}',
    categories           varchar(32)[] not null default '{}',
    method               varchar(16)   not null check (method in ('WRITTEN', 'VERBAL', 'ELECTRONIC')),
    given_at             timestamptz   not null,
    expires_at           timestamptz,
    recorded_by          varchar(255)  not null,
    recorded_by_agency   uuid          not null references agency (id),
    withdrawn_at         timestamptz,
    created_at           timestamptz   not null
);
create index consent_case_idx on consent (case_id);

create table referral (
    id                  uuid          primary key,
    tenant_id           varchar(63)   not null references tenant (id),
    case_id             uuid          not null references case_file (id),
    sender_agency_id    uuid          not null references agency (id),
    receiver_agency_id  uuid          not null references agency (id),
    state               varchar(16)   not null check (state in ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED',
                                          'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN')),
    priority            varchar(16)   not null check (priority in ('EMERGENCY', 'HIGH', 'ROUTINE')),
    services_requested  varchar(40)[] not null,
    note                varchar(4000),
    consent_id          uuid          references consent (id),
    emergency_reason    varchar(2000),
    assignee            varchar(255),
    decline_reason      varchar(16),
    outcome             varchar(32),
    services_delivered  varchar(40)[],
    redirected_from_id  uuid          references referral (id),
    redirected_to_id    uuid          references referral (id),
    created_by          varchar(255)  not null,
    submitted_at        timestamptz,
    acknowledged_at     timestamptz,
    accepted_at         timestamptz,
    closed_at           timestamptz,
    version             bigint        not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    constraint referral_not_to_itself check (sender_agency_id <> receiver_agency_id)
);
-- Keyset lists in (updated_at, id) order: incoming and outgoing per agency, with and without a state
-- filter, and the coordinator's tenant-wide view. Priority is applied as a filter on these.
create index referral_incoming_idx on referral (tenant_id, receiver_agency_id, updated_at, id);
create index referral_incoming_state_idx on referral (tenant_id, receiver_agency_id, state, updated_at, id);
create index referral_outgoing_idx on referral (tenant_id, sender_agency_id, updated_at, id);
create index referral_outgoing_state_idx on referral (tenant_id, sender_agency_id, state, updated_at, id);
create index referral_tenant_idx on referral (tenant_id, updated_at, id);
create index referral_tenant_state_idx on referral (tenant_id, state, updated_at, id);
create index referral_case_idx on referral (case_id);

create table referral_history (
    id              uuid          primary key,
    tenant_id       varchar(63)   not null references tenant (id),
    referral_id     uuid          not null references referral (id),
    action          varchar(16)   not null,
    from_state      varchar(16),
    to_state        varchar(16)   not null,
    actor           varchar(255)  not null,
    actor_agency_id uuid          references agency (id),
    reason_code     varchar(32),
    note            varchar(4000),
    at              timestamptz   not null
);
create index referral_history_referral_idx on referral_history (referral_id, at, id);

-- Events written in the same transaction as the change they describe; delivered by issue 7's workers.
create table outbox_event (
    seq             bigserial     primary key,
    id              uuid          not null unique,
    tenant_id       varchar(63)   not null references tenant (id),
    aggregate_type  varchar(32)   not null,
    aggregate_id    uuid          not null,
    event_type      varchar(64)   not null,
    -- The agencies allowed to hear of the event (sender and receiver of a referral, say).
    audience        uuid[]        not null default '{}',
    payload         jsonb         not null,
    created_at      timestamptz   not null
);
create index outbox_event_aggregate_idx on outbox_event (aggregate_id, seq);
