-- Issue 7: partners notified. The relay gives each committed outbox event a feed position in the order it
-- sees them (one relay at a time), so a reader following positions never misses a late commit.
create sequence outbox_position_seq;
alter table outbox_event add column position bigint unique;
create index outbox_event_unrelayed_idx on outbox_event (seq) where position is null;
create index outbox_event_tenant_position_idx on outbox_event (tenant_id, position) where position is not null;

-- Each agency's change feed: the events it may hear of, in position order.
create table agency_feed (
    agency_id  uuid         not null references agency (id),
    position   bigint       not null,
    tenant_id  varchar(63)  not null references tenant (id),
    event_seq  bigint       not null references outbox_event (seq),
    primary key (agency_id, position)
);

create table webhook_subscription (
    id             uuid           primary key,
    tenant_id      varchar(63)    not null references tenant (id),
    agency_id      uuid           not null references agency (id),
    url            varchar(2000)  not null,
    -- Empty means every event type the agency may hear of.
    event_types    varchar(64)[]  not null default '{}',
    -- The signing secret, sealed like survivors' data (kz.qorgau.privacy.FieldCipher).
    secret_sealed  bytea          not null,
    active         boolean        not null,
    created_by     varchar(255)   not null,
    version        bigint         not null,
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null
);
create index webhook_subscription_agency_idx on webhook_subscription (tenant_id, agency_id, created_at, id);
create index webhook_subscription_active_idx on webhook_subscription (tenant_id, agency_id) where active;

create table webhook_delivery (
    id               uuid           primary key,
    tenant_id        varchar(63)    not null references tenant (id),
    subscription_id  uuid           not null references webhook_subscription (id),
    event_seq        bigint         not null references outbox_event (seq),
    position         bigint         not null,
    aggregate_id     uuid           not null,
    status           varchar(16)    not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         int            not null,
    next_attempt_at  timestamptz    not null,
    last_attempt_at  timestamptz,
    last_status      int,
    last_error       varchar(500),
    delivered_at     timestamptz,
    created_at       timestamptz    not null
);
-- The workers' claim: due pending deliveries in position order; and the per-referral order check.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, position) where status = 'PENDING';
create index webhook_delivery_order_idx on webhook_delivery (subscription_id, aggregate_id, position) where status = 'PENDING';
-- A subscription's delivery log, newest position last.
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, position, id);

-- Deadlines: when a referral was escalated for a missed acknowledgement or response.
alter table referral
    add column ack_overdue_at      timestamptz,
    add column respond_overdue_at  timestamptz;
create index referral_escalated_idx on referral (tenant_id, updated_at, id)
    where ack_overdue_at is not null or respond_overdue_at is not null;
-- The deadline job's scans: open referrals not yet escalated, by when they were sent.
create index referral_awaiting_ack_idx on referral (tenant_id, submitted_at) where state = 'SUBMITTED' and ack_overdue_at is null;
create index referral_awaiting_response_idx on referral (tenant_id, submitted_at)
    where state in ('SUBMITTED', 'ACKNOWLEDGED') and respond_overdue_at is null;
