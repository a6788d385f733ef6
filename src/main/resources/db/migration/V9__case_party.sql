-- Issue 17: each agency's relationship to a case, kept by the caseaccess capability itself, so that what
-- an agency may see of her is decided from one table of its own instead of from the referral table.
--
-- One row per end of each referral: its sender from the draft on, its receiver once the referral was sent.
-- A row stays when its referral ends (live turns false): the history of who was on the case remains, and
-- the service never deletes. The lead agency is the case's own column and has no row here.
create table case_party (
    tenant_id    varchar(63) not null references tenant (id),
    case_id      uuid        not null references case_file (id),
    referral_id  uuid        not null references referral (id),
    side         varchar(8)  not null check (side in ('SENDER', 'RECEIVER')),
    agency_id    uuid        not null references agency (id),
    -- The referral has not ended: this end is one of the case's parties.
    live         boolean     not null,
    -- The receiver accepted and has not let go: it works the case.
    on_case      boolean     not null,
    -- The receiver was sent her case without consent, under the emergency exception.
    emergency    boolean     not null,
    primary key (referral_id, side),
    check (side = 'RECEIVER' or not (on_case or emergency))
);
-- Every question asked of it names the case(s) and the agency.
create index case_party_case_agency_idx on case_party (case_id, agency_id) where live;

alter table case_party enable row level security;
create policy tenant_isolation on case_party
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));

-- The relationships of the referrals already made.
insert into case_party (tenant_id, case_id, referral_id, side, agency_id, live, on_case, emergency)
select tenant_id, case_id, id, 'SENDER', sender_agency_id,
       state not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN'), false, false
from referral;
insert into case_party (tenant_id, case_id, referral_id, side, agency_id, live, on_case, emergency)
select tenant_id, case_id, id, 'RECEIVER', receiver_agency_id,
       state not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN'),
       state in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'),
       consent_id is null and emergency_reason is not null
from referral where submitted_at is not null;
