-- Issue 26: the needs-action queue read every referral waiting on an agency to compute its due time before it
-- could keep the earliest (269 ms at 5,000,000 referrals, where the seed's crisis centre has 66,000 waiting).
-- The queue now reads one branch per state and priority, in which the due time is the state's start column
-- plus a constant; each branch takes its first rows in that column's order from one of these indexes.
create index referral_waiting_for_answer_idx on referral (tenant_id, receiver_agency_id, state, priority, submitted_at, id)
    where state in ('SUBMITTED', 'ACKNOWLEDGED');
create index referral_waiting_for_start_idx on referral (tenant_id, receiver_agency_id, priority, accepted_at, id)
    where state = 'ACCEPTED';
create index referral_waiting_for_review_idx on referral (tenant_id, receiver_agency_id, priority, paused_at, id)
    where state = 'ON_HOLD';
-- They hold everything the one below served, in the order the queue needs.
drop index referral_waiting_on_receiver_idx;
