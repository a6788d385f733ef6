-- Issue 19: feed positions are numbered per network. One sequence for every network let a partner read, from
-- the gaps between its own positions, how busy the other networks were. Each network now has its own
-- counter, carried on from its highest position so far, and a position is unique within its network.
create table feed_counter (
    tenant_id      varchar(63)  primary key references tenant (id),
    last_position  bigint       not null
);
insert into feed_counter (tenant_id, last_position)
select t.id, coalesce((select max(o.position) from outbox_event o where o.tenant_id = t.id), 0)
from tenant t;

alter table feed_counter enable row level security;
create policy tenant_isolation on feed_counter
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));

alter table outbox_event drop constraint outbox_event_position_key;
drop index outbox_event_tenant_position_idx;
create unique index outbox_event_tenant_position_idx on outbox_event (tenant_id, position) where position is not null;

drop sequence outbox_position_seq;

-- The change feed, relayed events and finished deliveries are kept for a network's feed retention
-- (kz.qorgau.notification.FeedRetention); the highest position removed tells a partner whose cursor is older
-- that it must resync (410) rather than silently skip what was removed.
alter table feed_counter add column pruned_through bigint not null default 0;
create index outbox_event_prunable_idx on outbox_event (tenant_id, created_at) where position is not null;
create index webhook_delivery_finished_idx on webhook_delivery (tenant_id, created_at) where status <> 'PENDING';
-- The retention job removes these rows; the service's role may delete from them and from no other table.
grant delete on outbox_event, agency_feed, webhook_delivery to "${app_role}";
-- Removing an event checks both foreign keys to it; without these, each removed event scanned both tables.
create index agency_feed_event_idx on agency_feed (event_seq);
create index webhook_delivery_event_idx on webhook_delivery (event_seq);
