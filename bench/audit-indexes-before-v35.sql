-- The audit trail's indexes as they were before migration V35: every entry in each, sealed or not. With V35's own
-- script as the other side, bench/perf.sh compares the two layouts on one build (BASELINE_SQL and THIS_SQL,
-- BENCHMARKS.md). Built concurrently and renamed into place, as V35 builds its own.
drop index concurrently if exists audit_entry_seq_sealed;
create unique index concurrently audit_entry_seq_sealed on audit_entry (tenant_id, seq);
drop index concurrently if exists audit_entry_seq_unique;
alter index audit_entry_seq_sealed rename to audit_entry_seq_unique;

drop index concurrently if exists audit_entry_actor_sealed;
create index concurrently audit_entry_actor_sealed on audit_entry (tenant_id, actor, seq);
drop index concurrently if exists audit_entry_actor_idx;
alter index audit_entry_actor_sealed rename to audit_entry_actor_idx;

drop index concurrently if exists audit_entry_agency_sealed;
create index concurrently audit_entry_agency_sealed on audit_entry (tenant_id, actor_agency_id, seq);
drop index concurrently if exists audit_entry_agency_idx;
alter index audit_entry_agency_sealed rename to audit_entry_agency_idx;

drop index concurrently if exists audit_entry_record_sealed;
create index concurrently audit_entry_record_sealed on audit_entry (tenant_id, record_id, seq);
drop index concurrently if exists audit_entry_record_idx;
alter index audit_entry_record_sealed rename to audit_entry_record_idx;

drop index concurrently if exists audit_entry_at_sealed;
create index concurrently audit_entry_at_sealed on audit_entry (tenant_id, at);
drop index concurrently if exists audit_entry_at_idx;
alter index audit_entry_at_sealed rename to audit_entry_at_idx;
