-- Issue 18: a case or a referral is created once per Idempotency-Key, as an incident is: a client that sends
-- its request again after a timeout gets the first answer back instead of a second survivor or hand-off.
-- The key belongs to the caller's agency and the kind of request; the hash of the request tells a repeat
-- from another request under the same key.
create table idempotency_key (
    tenant_id     varchar(63)  not null references tenant (id),
    agency_id     uuid         not null references agency (id),
    operation     varchar(32)  not null,
    key           varchar(100) not null,
    request_hash  bytea        not null,
    resource_id   uuid         not null,
    created_at    timestamptz  not null,
    primary key (tenant_id, agency_id, operation, key)
);

alter table idempotency_key enable row level security;
create policy tenant_isolation on idempotency_key
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
