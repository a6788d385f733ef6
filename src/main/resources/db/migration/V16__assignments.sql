-- Every assignment is kept: the person an ACCEPT or a hand-over gave the referral to, on its history entry.
alter table referral_history add column assignee varchar(255);

-- One person's work (accepted, under way or paused, given to her): her queue, her caseload, and the hand-over
-- of all of it when she leaves. It holds the needs-action queue's person index, which it replaces.
drop index referral_waiting_on_assignee_idx;
create index referral_assigned_idx on referral (tenant_id, receiver_agency_id, assignee)
    where state in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD');

-- A coordinator's caseload: the network's cases in order of change.
create index case_file_tenant_idx on case_file (tenant_id, updated_at, id);
