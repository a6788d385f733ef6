-- Issue 21: multi-agency risk conferences (MARAC). A series meets for one district with its member agencies,
-- one of them the chair; each meeting hears the cases listed on it, and each case heard gets research from the
-- members, its risks and minutes, and an action plan. Free text here is about her, her children and him: sealed.
create table conference_series (
    id               uuid          primary key,
    tenant_id        varchar(63)   not null references tenant (id),
    name             varchar(200)  not null,
    district         varchar(200)  not null,
    chair_agency_id  uuid          not null references agency (id),
    created_by       varchar(255)  not null,
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);
create index conference_series_tenant_idx on conference_series (tenant_id, created_at, id);

create table conference_member (
    series_id   uuid          not null references conference_series (id),
    agency_id   uuid          not null references agency (id),
    tenant_id   varchar(63)   not null references tenant (id),
    added_by    varchar(255)  not null,
    added_at    timestamptz   not null,
    primary key (series_id, agency_id)
);
-- The series an agency sits in: who may see which, and where a case of its lead agency is proposed.
create index conference_member_agency_idx on conference_member (agency_id, series_id);

create table conference_meeting (
    id                   uuid          primary key,
    tenant_id            varchar(63)   not null references tenant (id),
    series_id            uuid          not null references conference_series (id),
    scheduled_for        timestamptz   not null,
    held_at              timestamptz,
    attended_agency_ids  uuid[]        not null default '{}',
    created_by           varchar(255)  not null,
    created_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index conference_meeting_series_idx on conference_meeting (series_id, scheduled_for, id);

-- One case before one series: proposed (by a criterion or by an agency), then listed on a meeting or declined.
create table conference_case (
    id                   uuid          primary key,
    tenant_id            varchar(63)   not null references tenant (id),
    series_id            uuid          not null references conference_series (id),
    case_id              uuid          not null references case_file (id),
    criterion            varchar(32)   not null
        check (criterion in ('RISK_SCORE', 'PROFESSIONAL_JUDGEMENT', 'ESCALATION', 'REPEAT', 'AGENCY')),
    repeat               boolean       not null default false,
    reason               bytea,
    proposed_by_agency   uuid          references agency (id),
    proposed_by          varchar(255)  not null,
    proposed_at          timestamptz   not null,
    status               varchar(16)   not null check (status in ('PROPOSED', 'LISTED', 'DECLINED')),
    meeting_id           uuid          references conference_meeting (id),
    decided_by           varchar(255),
    decided_at           timestamptz,
    decision_reason      bytea,
    risks                bytea,
    minutes              bytea,
    version              bigint        not null default 0,
    check ((status = 'LISTED') = (meeting_id is not null)),
    check ((status = 'PROPOSED') = (decided_at is null))
);
-- A case waits at most once before a series: a second criterion met while it waits proposes nothing new.
create unique index conference_case_waiting_idx on conference_case (series_id, case_id) where status = 'PROPOSED';
-- The chair's queue of proposals, and a meeting's agenda.
create index conference_case_queue_idx on conference_case (series_id, status, proposed_at, id);
create index conference_case_meeting_idx on conference_case (meeting_id, proposed_at, id) where meeting_id is not null;
-- A case's conferences: its last hearing, for the repeat rule.
create index conference_case_case_idx on conference_case (case_id, series_id);

-- What one member agency knows before the meeting: one record per agency and case heard, replaced as it learns.
-- Its own id, as every table with sealed columns has, for the key rotation to move its values by.
create table conference_research (
    id                  uuid          primary key,
    conference_case_id  uuid          not null references conference_case (id),
    agency_id           uuid          not null references agency (id),
    tenant_id           varchar(63)   not null references tenant (id),
    survivor            bytea,
    children            bytea,
    perpetrator         bytea,
    recorded_by         varchar(255)  not null,
    recorded_at         timestamptz   not null,
    unique (conference_case_id, agency_id)
);

create table conference_action (
    id                  uuid          primary key,
    tenant_id           varchar(63)   not null references tenant (id),
    conference_case_id  uuid          not null references conference_case (id),
    series_id           uuid          not null references conference_series (id),
    case_id             uuid          not null references case_file (id),
    owner_agency_id     uuid          not null references agency (id),
    description         bytea,
    due_at              timestamptz   not null,
    referral_id         uuid          references referral (id),
    created_by          varchar(255)  not null,
    created_at          timestamptz   not null,
    done_at             timestamptz,
    done_by             varchar(255),
    done_note           bytea,
    overdue_at          timestamptz,
    version             bigint        not null default 0
);
create index conference_action_case_idx on conference_action (conference_case_id, created_at, id);
-- Retention's erasure of a case's plans.
create index conference_action_case_file_idx on conference_action (case_id);
-- The overdue check claims open actions past their due time, once each.
create index conference_action_due_idx on conference_action (due_at) where done_at is null and overdue_at is null;
-- The chair's and coordinators' list of actions that escalated.
create index conference_action_overdue_idx on conference_action (series_id, overdue_at, id) where overdue_at is not null;

alter table conference_series enable row level security;
create policy tenant_isolation on conference_series
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table conference_member enable row level security;
create policy tenant_isolation on conference_member
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table conference_meeting enable row level security;
create policy tenant_isolation on conference_meeting
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table conference_case enable row level security;
create policy tenant_isolation on conference_case
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table conference_research enable row level security;
create policy tenant_isolation on conference_research
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table conference_action enable row level security;
create policy tenant_isolation on conference_action
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
-- An agency leaves a series; retention removes what the members knew of her.
grant delete on conference_member to "${app_role}";
grant delete on conference_research to "${app_role}";
