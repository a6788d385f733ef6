-- Agencies that protect children and the schools and kindergartens they go to.
alter table agency drop constraint agency_kind_check;
alter table agency add constraint agency_kind_check check (kind in (
    'POLICE', 'SOCIAL_PROTECTION', 'NGO_CRISIS_CENTRE', 'HEALTH', 'LEGAL_AID', 'OTHER', 'CHILD_PROTECTION', 'EDUCATION'));

-- The children of her household, as the agencies on her case record them; their personal data is sealed.
create table child (
    id                uuid         primary key,
    case_id           uuid         not null references case_file (id),
    tenant_id         varchar(63)  not null references tenant (id),
    full_name_sealed  bytea,
    birth_date_sealed bytea,
    school_agency_id  uuid         references agency (id),
    school_name_sealed bytea,
    recorded_by       varchar(255) not null,
    recorded_by_agency uuid        not null references agency (id),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index child_case_idx on child (case_id, created_at, id);

-- Whether a child was there when police attended an incident of her case.
create table child_presence (
    child_id     uuid         not null references child (id),
    incident_id  uuid         not null references incident (id),
    tenant_id    varchar(63)  not null references tenant (id),
    present      boolean      not null,
    recorded_by  varchar(255) not null,
    recorded_at  timestamptz  not null,
    primary key (child_id, incident_id)
);

-- The minimal notice to the district's child-protection service and the child's school: who the child is, that
-- police attended a domestic incident on a date, whether the child was there, and whom to call; nothing else.
-- Without a child-protection agency for the district, the notice has no addressee and goes to the coordinators.
create table child_notice (
    id                  uuid         primary key,
    tenant_id           varchar(63)  not null references tenant (id),
    child_id            uuid         not null references child (id),
    incident_id         uuid         not null references incident (id),
    case_id             uuid         not null references case_file (id),
    addressee_kind      varchar(32)  not null check (addressee_kind in ('CHILD_PROTECTION', 'EDUCATION')),
    addressee_agency_id uuid         references agency (id),
    district            varchar(200) not null,
    incident_date       date         not null,
    child_present       boolean      not null,
    -- Whom to call: the lead agency of her case and the person holding it, when the notice was sent.
    contact_agency_id   uuid         not null references agency (id),
    contact_person      varchar(255),
    due_at              timestamptz  not null,
    acknowledged_at     timestamptz,
    acknowledged_by     varchar(255),
    escalated_at        timestamptz,
    created_at          timestamptz  not null
);
-- One notice per child, incident and kind of addressee, however often her presence is recorded.
create unique index child_notice_once_idx on child_notice (child_id, incident_id, addressee_kind);
-- An addressee's notices, newest first.
create index child_notice_addressee_idx on child_notice (addressee_agency_id, created_at desc, id desc);
-- The escalation job's and the coordinators' unacknowledged notices past their deadline.
create index child_notice_open_idx on child_notice (tenant_id, due_at) where acknowledged_at is null;

alter table child enable row level security;
create policy tenant_isolation on child
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table child_presence enable row level security;
create policy tenant_isolation on child_presence
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table child_notice enable row level security;
create policy tenant_isolation on child_notice
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
