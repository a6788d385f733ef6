#!/usr/bin/env bash
# What writing an audit entry costs PostgreSQL, twice over: its insert, and the chainer's seal of it a moment later
# (issue 26, BENCHMARKS.md). On an empty PostgreSQL 17 with the project's migrations applied (psql, the ${app_role}
# placeholder filled as Flyway fills it), entries are inserted and sealed in bulk, each step timed:
#   1. the append-only trigger as it was before migration V34 (the rows compared as JSON), as V34 made it (compared
#      as rows), and none, on three equal batches of unchained entries;
#   2. 100,000 inserts and their seal with the trail's indexes as migration V35 left them (the filters on sealed
#      entries only), then as they were before it;
#   3. migration V35 itself on a trail of TRAIL (1,000,000) sealed entries, while pgbench writes entries as the
#      service does on four connections: how long it takes, and how the writes fare while it runs; then the same
#      indexes built the plain way, in one transaction, for comparison.
#
#   bench/audit-seal.sh      # about four minutes
set -euo pipefail
cd "$(dirname "$0")/.."
BATCH=${BATCH:-20000}
TRAIL=${TRAIL:-1000000}
. bench/lib.sh
start_postgres > /dev/null
P() { psql -q -v ON_ERROR_STOP=1 "$@"; }
migrate_with_psql
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
# The trail's indexes as migration V35 left them, then as they were before it (bench/audit-indexes-before-v35.sql).
for round in 1 2; do
  echo "round $round, filters on sealed entries only (V35): insert $(insert 100000), seal $(seal 100000)"
  settle
done
P -f bench/audit-indexes-before-v35.sql
settle
for round in 1 2; do
  echo "round $round, filters on every entry (before V35): insert $(insert 100000), seal $(seal 100000)"
  settle
done

echo "== migration V35 on a trail of $TRAIL sealed entries, while 4 connections write entries"
# during LABEL COMMAND...: runs COMMAND 5 s into 40 s of pgbench inserting one entry per transaction as the service
# does, and reports how long COMMAND took, and the inserts' latency and rate before and while it ran.
cat > "$WORK/entry.sql" <<'SQL'
insert into audit_entry (id, tenant_id, at, actor, actor_roles, action, record_type, record_id, case_id, categories,
  detail, request_id, mac)
values (gen_random_uuid(), 'almaty', clock_timestamp(), 'actor-' || (random() * 50)::int, '{CASE_WORKER}', 'READ',
  'referral', gen_random_uuid(), gen_random_uuid(), '{IDENTITY}', 'read', 'request', '\x00');
SQL
during() {
  local label=$1 from to
  shift
  rm -f "$WORK"/during.*
  pgbench -n -c 4 -j 2 -T 40 -f "$WORK/entry.sql" -l --log-prefix="$WORK/during" > /dev/null 2>&1 &
  local bench=$!
  sleep 5
  from=$(date +%s%N)
  "$@" > /dev/null
  to=$(date +%s%N)
  wait "$bench"
  # pgbench's log: client, transaction, latency (µs), script, then the epoch second and microsecond it ended.
  cat "$WORK"/during.* | python3 -c "
import sys
start, end = $from / 1e9, $to / 1e9
before, overlapping = [], []
for line in sys.stdin:
    f = line.split()
    finished, latency = int(f[4]) + int(f[5]) / 1e6, int(f[2]) / 1e6
    if finished < start:
        before.append((finished, latency))
    elif finished - latency <= end:
        overlapping.append((finished, latency))
def figures(rows, seconds):
    if not rows:
        return 'no insert finished'
    latencies = sorted(1000 * latency for _, latency in rows)
    return (f'{len(rows) / seconds:,.0f} inserts/s, p99 {latencies[int(len(latencies) * 0.99) - 1]:.1f} ms,'
            f' longest {latencies[-1]:.1f} ms')
first = min((finished for finished, _ in before), default=start - 1)
print(f'$label: took {end - start:.1f} s; before it: {figures(before, start - first)};'
      f' while it ran: {figures(overlapping, end - start)}')
"
}

P -c "alter table audit_entry disable trigger audit_entry_no_truncate" -c "truncate audit_entry" \
  -c "alter table audit_entry enable trigger audit_entry_no_truncate"
P -c "insert into audit_entry (id, tenant_id, seq, at, actor, actor_roles, action, record_type, record_id, case_id,
    categories, detail, request_id, mac, prev_hash, hash)
  select gen_random_uuid(), 'almaty', i, clock_timestamp(), 'actor-' || (i % 50), '{CASE_WORKER}', 'READ', 'referral',
    gen_random_uuid(), gen_random_uuid(), '{IDENTITY}', 'read', 'request-' || i, '\x00', '\x00', '\x01'
  from generate_series(1, $TRAIL) i"
settle
V35=src/main/resources/db/migration/V35__audit_filters_index_sealed_entries.sql
during "V35 as it is (built concurrently)" P -f "$V35"
P -f bench/audit-indexes-before-v35.sql
settle
# The same indexes built the plain way, in one transaction: what V35 would cost the service without CONCURRENTLY.
sed 's/ concurrently//' "$V35" > "$WORK/v35-plain.sql"
during "V35 built the plain way, in one transaction" P -1 -f "$WORK/v35-plain.sql"
