-- Issue 26: an audit entry is written twice, inserted by its request and sealed by the chainer a moment later
-- (AuditChainer). Until the seal its seq is null, and the auditor's list and the chain's walk read sealed entries
-- only (seq > :after, seq = n). Yet five indexes on seq held every entry from its insert: each request wrote its
-- entry into them, at the end where every unsealed entry sorts, the same pages for all the service's connections,
-- and the seal wrote it into them again. Partial on "seq is not null", they take an entry once, at its seal.
-- The case index stays whole: a survivor's data report counts the reads of her case not sealed yet, its own among
-- them (DataReportService). The uniqueness of (tenant_id, seq) holds throughout: nulls never collided.
--
-- Built concurrently, so that requests go on writing entries while a long trail is indexed (a plain build would
-- hold them all back for as long). Each index is built beside the one it replaces, under a name of its own, then
-- takes its place and its name. Concurrent builds cannot run in a transaction: Flyway runs this script statement
-- by statement and holds its migration lock for the session, not in a transaction the builds would wait for
-- (kz.qorgau.common.OnlineIndexBuilds). Run again after an interruption, the script builds again whatever it finds,
-- and drops first a half-built index an interrupted build leaves behind.
drop index concurrently if exists audit_entry_seq_sealed;
create unique index concurrently audit_entry_seq_sealed on audit_entry (tenant_id, seq) where seq is not null;
alter table audit_entry drop constraint if exists audit_entry_seq_unique;
drop index concurrently if exists audit_entry_seq_unique;
alter index audit_entry_seq_sealed rename to audit_entry_seq_unique;

drop index concurrently if exists audit_entry_actor_sealed;
create index concurrently audit_entry_actor_sealed on audit_entry (tenant_id, actor, seq) where seq is not null;
drop index concurrently if exists audit_entry_actor_idx;
alter index audit_entry_actor_sealed rename to audit_entry_actor_idx;

drop index concurrently if exists audit_entry_agency_sealed;
create index concurrently audit_entry_agency_sealed on audit_entry (tenant_id, actor_agency_id, seq)
    where seq is not null;
drop index concurrently if exists audit_entry_agency_idx;
alter index audit_entry_agency_sealed rename to audit_entry_agency_idx;

drop index concurrently if exists audit_entry_record_sealed;
create index concurrently audit_entry_record_sealed on audit_entry (tenant_id, record_id, seq) where seq is not null;
drop index concurrently if exists audit_entry_record_idx;
alter index audit_entry_record_sealed rename to audit_entry_record_idx;

-- The list's from and to bounds; the list always reads seq > :after as well.
drop index concurrently if exists audit_entry_at_sealed;
create index concurrently audit_entry_at_sealed on audit_entry (tenant_id, at) where seq is not null;
drop index concurrently if exists audit_entry_at_idx;
alter index audit_entry_at_sealed rename to audit_entry_at_idx;
