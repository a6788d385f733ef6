-- Deadlines go on after a referral is accepted: START within a time of its priority, and a paused referral
-- looked at again (RESUME) within another. Each is escalated once, as the acknowledge and respond deadlines are.
alter table referral add column paused_at timestamptz;
alter table referral add column start_overdue_at timestamptz;
alter table referral add column review_overdue_at timestamptz;

-- The deadline job's claims, as referral_awaiting_ack_idx serves the acknowledge deadline.
create index referral_awaiting_start_idx on referral (tenant_id, accepted_at)
    where state = 'ACCEPTED' and start_overdue_at is null;
create index referral_awaiting_review_idx on referral (tenant_id, paused_at)
    where state = 'ON_HOLD' and review_overdue_at is null;

-- The needs-action queue: an agency's referrals that wait on it, and one person's among them.
create index referral_waiting_on_receiver_idx on referral (tenant_id, receiver_agency_id)
    where state in ('SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED', 'ON_HOLD');
create index referral_waiting_on_assignee_idx on referral (tenant_id, receiver_agency_id, assignee)
    where state in ('ACCEPTED', 'ON_HOLD');

-- The coordinators' list of escalated referrals counts the two new deadlines too.
drop index referral_escalated_idx;
create index referral_escalated_idx on referral (tenant_id, updated_at, id)
    where ack_overdue_at is not null or respond_overdue_at is not null or start_overdue_at is not null
        or review_overdue_at is not null;

-- Referrals paused before this migration start their review deadline from their last change.
update referral set paused_at = updated_at where state = 'ON_HOLD';
