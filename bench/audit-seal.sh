#!/usr/bin/env bash
# What writing an audit entry costs PostgreSQL, twice over: its insert, and the chainer's seal of it a moment later
# (issue 26, BENCHMARKS.md). On an empty PostgreSQL 17 with the project's migrations applied (psql, the ${app_role}
# placeholder filled as Flyway fills it), entries are inserted and sealed in bulk, each step timed:
#   1. the append-only trigger as it was before migration V34 (the rows compared as JSON), as V34 made it (compared
#      as rows), and none, on three equal batches of unchained entries;
#   2. 100,000 inserts and their seal with the trail's filter indexes as they are, then with the four on seq made
#      partial (where seq is not null), which no migration does yet.
#
#   bench/audit-seal.sh      # about two minutes
set -euo pipefail
cd "$(dirname "$0")/.."
BATCH=${BATCH:-20000}
. bench/lib.sh
start_postgres > /dev/null
P() { psql -q -v ON_ERROR_STOP=1 "$@"; }
# Flyway's own table, which migration V8 revokes from the service's role.
P -c "create table flyway_schema_history (installed_rank int)"
for f in $(ls src/main/resources/db/migration | sort -V); do
  sed 's/\${app_role}/qorgau_app/g' "src/main/resources/db/migration/$f" | P > /dev/null
done
P -c "insert into tenant (id, name, created_at) values ('almaty', 'Almaty', now())"

# insert N: N unchained entries, each as the service writes one (its MAC, no number, no hashes)
insert() {
  P -c "\timing on" -c "insert into audit_entry (id, tenant_id, at, actor, actor_roles, action, record_type, record_id,
      case_id, categories, detail, request_id, mac)
    select gen_random_uuid(), 'almaty', clock_timestamp(), 'actor-' || (i % 50), '{CASE_WORKER}', 'READ', 'referral',
      gen_random_uuid(), gen_random_uuid(), '{IDENTITY}', 'read', 'request-' || i, sha256(i::text::bytea)
    from generate_series(1, $1) i" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
}
# seal N: the first N unchained entries numbered and hashed, as the chainer's update sets them
seal() {
  P -c "\timing on" -c "update audit_entry set seq = s.n, prev_hash = '\x00', hash = '\x01'
    from (select id, row_number() over (order by at, id) + coalesce((select max(seq) from audit_entry), 0) n
          from audit_entry where hash is null and refused_at is null order by at, id limit $1) s
    where audit_entry.id = s.id" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
}
settle() { P -c "vacuum analyze audit_entry" -c "checkpoint"; }

echo "== the append-only trigger on the seal, $BATCH entries a batch (ms)"
# The function as migration V12 left it, before V34 (the old and new rows compared as JSON), under another name.
sed -n '/^create or replace function audit_entry_append_only()/,/^\$\$;/p' \
  src/main/resources/db/migration/V12__audit_mac_and_checkpoints.sql \
  | sed 's/function audit_entry_append_only()/function audit_entry_append_only_as_json()/' > "$WORK/as-json.sql"
grep -q to_jsonb "$WORK/as-json.sql" || { echo "V12's trigger function was not found" >&2; exit 1; }
P -f "$WORK/as-json.sql"
insert $((BATCH * 6)) > /dev/null
settle
for round in 1 2; do
  P -c "create or replace trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only_as_json()"
  echo "round $round, compared as JSON (before V34): $(seal "$BATCH")"
  P -c "create or replace trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only()"
  echo "round $round, compared as rows (V34): $(seal "$BATCH")"
  P -c "alter table audit_entry disable trigger audit_entry_no_update_or_delete"
  echo "round $round, no trigger: $(seal "$BATCH")"
  P -c "alter table audit_entry enable trigger audit_entry_no_update_or_delete"
  settle
done

echo "== 100000 entries inserted, then sealed (ms)"
for round in 1 2; do
  echo "round $round, filter indexes as they are: insert $(insert 100000), seal $(seal 100000)"
  settle
done
for column in actor actor_agency_id record_id case_id; do
  index=$(P -Atc "select indexname from pg_indexes where tablename = 'audit_entry' and indexdef like '%(tenant_id, $column, seq)'")
  P -c "drop index $index" -c "create index $index on audit_entry (tenant_id, $column, seq) where seq is not null"
done
settle
for round in 1 2; do
  echo "round $round, filter indexes partial on seq: insert $(insert 100000), seal $(seal 100000)"
  settle
done
