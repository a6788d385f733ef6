-- Break-glass: an agency not on a case opens its minimal emergency view for a short time, with a reason; every read
-- is audited, and a coordinator reviews each use.
create table emergency_access (
    id                 uuid          primary key,
    tenant_id          varchar(63)   not null references tenant (id),
    case_id            uuid          not null references case_file (id),
    agency_id          uuid          not null references agency (id),
    opened_by          varchar(255)  not null,
    opened_by_name     varchar(255)  not null,
    reason             varchar(40)   not null check (reason in (
        'MEDICAL_EMERGENCY', 'IMMINENT_DANGER', 'MISSING_PERSON', 'CHILD_IN_DANGER', 'WELFARE_CHECK')),
    -- The opener's justification, sealed; null once retention anonymised the case.
    note_sealed        bytea,
    opened_at          timestamptz   not null,
    expires_at         timestamptz   not null,
    review_due_at      timestamptz   not null,
    reads              integer       not null default 0,
    last_read_at       timestamptz,
    reviewed_at        timestamptz,
    reviewed_by        varchar(255),
    justified          boolean,
    review_note_sealed bytea,
    escalated_at       timestamptz,
    version            bigint        not null,
    check (expires_at > opened_at),
    check ((reviewed_at is null) = (justified is null))
);
-- An agency's own uses, newest first; a case's uses for its lead agency.
create index emergency_access_agency_idx on emergency_access (tenant_id, agency_id, opened_at desc, id desc);
create index emergency_access_case_idx on emergency_access (case_id, opened_at desc);
-- The coordinators' list of uses to review, and the job that escalates those past their deadline.
create index emergency_access_unreviewed_idx on emergency_access (tenant_id, review_due_at, id) where reviewed_at is null;
-- The network's uses, newest first (coordinators), and the figures per agency over a period.
create index emergency_access_opened_idx on emergency_access (tenant_id, opened_at desc, id desc);

alter table emergency_access enable row level security;
create policy tenant_isolation on emergency_access
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
