-- Short messages between the two sides of a referral: sealed at rest, append-only, a retraction recorded.
create table referral_message (
    id                uuid          primary key,
    tenant_id         varchar(63)   not null references tenant (id),
    referral_id       uuid          not null references referral (id),
    author_agency_id  uuid          not null references agency (id),
    side              varchar(8)    not null check (side in ('SENDER', 'RECEIVER')),
    author            varchar(255)  not null,
    text              bytea         not null,
    retracted_at      timestamptz,
    created_at        timestamptz   not null
);
-- A referral's thread, oldest first, paged by (created_at, id).
create index referral_message_thread_idx on referral_message (referral_id, created_at, id);

alter table referral_message enable row level security;
create policy tenant_isolation on referral_message
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
