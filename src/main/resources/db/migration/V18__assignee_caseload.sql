-- One person's caseload (GET /api/v1/referrals?assignee=...): the incoming referrals given to her, in order of
-- change, whatever their state.
create index referral_assignee_list_idx on referral (tenant_id, receiver_agency_id, assignee, updated_at, id)
    where assignee is not null;
