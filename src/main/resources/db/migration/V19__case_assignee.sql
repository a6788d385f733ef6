-- The person of the lead agency who holds the case: set when it is opened, handed over with a reason.
alter table case_file add column assignee varchar(255);

-- One person's cases (the caseload's assignee filter, and the hand-over of a leaver's work).
create index case_file_assignee_idx on case_file (tenant_id, lead_agency_id, assignee, updated_at, id)
    where assignee is not null;

-- Every hand-over of a case: who to, from whom, by whom, and why (sealed: free text may be about her).
create table case_assignment (
    id          uuid          primary key,
    tenant_id   varchar(63)   not null references tenant (id),
    case_id     uuid          not null references case_file (id),
    assignee    varchar(255)  not null,
    previous    varchar(255),
    reason      bytea         not null,
    actor       varchar(255)  not null,
    at          timestamptz   not null
);
create index case_assignment_case_idx on case_assignment (case_id, at);

alter table case_assignment enable row level security;
create policy tenant_isolation on case_assignment
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
