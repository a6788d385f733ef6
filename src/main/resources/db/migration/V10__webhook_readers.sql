-- Issue 17: a webhook carries the events its subscriber's roles may read, as the change feed does: the kinds
-- of aggregate (incident, referral, consent, protective-order) it was allowed to read when it subscribed.
-- Subscriptions made before this carry none until they are made again.
alter table webhook_subscription add column readable_aggregates varchar(32)[] not null default '{}';
