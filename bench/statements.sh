#!/usr/bin/env bash
# What PostgreSQL runs, and what it costs, while one path is driven (issue 26, BENCHMARKS.md): pg_stat_statements
# over a measured wrk run of each path below (the incident POST and two reads), on the packaged service with the Helm chart's options, PostgreSQL 17
# and the project's Keycloak, a seeded tenant. For each path, every statement with its calls, time, buffers touched
# and rows: the call's own statements beside what the service's scheduled work (the audit chainer above all) and
# the foreign keys' checks add.
#
#   bench/statements.sh            # about five minutes
#   BUILT=1 bench/statements.sh    # target/quarkus-app as it is, a production build already made
# Settings: REFERRALS=20000 INCIDENTS=5000 DURATION=20s CONNECTIONS=16. The tables go to
# target/bench/statements-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
REFERRALS=${REFERRALS:-20000}
INCIDENTS=${INCIDENTS:-5000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
. bench/lib.sh
build_service
start_keycloak
start_postgres > /dev/null
cat >> "$POSTGRES_DATA/postgresql.conf" <<CONF
shared_preload_libraries = 'auto_explain,pg_stat_statements'
pg_stat_statements.track = all
CONF
as_postgres "$BENCH_DIR/pg/bin/pg_ctl" -D "$POSTGRES_DATA" -l "$POSTGRES_DATA/server.log" -w restart > /dev/null
psql -q -c "create extension pg_stat_statements"
await_keycloak
start_service $(keycloak_oidc)  # the schema, by the service's own Flyway
stop_service
psql -q -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_agencies.sql
psql -q -v ON_ERROR_STOP=1 -v key_id=bench -v referrals="$REFERRALS" -v incidents="$INCIDENTS" -v agencies=100 \
  -f bench/seed.sql > /dev/null
start_service $(keycloak_oidc)
CASEWORKER=$(keycloak_token almaty qorgau-demo - ngo.caseworker demo)
echo "wrk.headers[\"Authorization\"] = \"Bearer $CASEWORKER\"" > "$WORK/get.lua"
ONE=$(curl -sf -H "Authorization: Bearer $CASEWORKER" "$BASE/api/v1/referrals?direction=incoming&limit=1" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
DISPATCH=$(keycloak_token almaty police-dispatch almaty-dispatch-demo-secret)
incident_lua "$WORK/incident.lua" "$DISPATCH"
measure_statements() { # name path [wrk script]
  local script=${3:-$WORK/get.lua}
  wrk -d 15s -t2 -c"$CONNECTIONS" -s "$script" "$BASE$2" > /dev/null
  sleep 3  # the chainer works off what the warm-up left
  # The trail and the incidents were empty or small when the seed's statistics were taken, and a plan made on those
  # is not the one a replica serving for days would use. Autovacuum would catch up within minutes; this run is
  # shorter.
  psql -q -c "analyze"
  psql -q -c "select pg_stat_statements_reset()" > /dev/null
  echo "== $1: $(wrk -d "$DURATION" -t2 -c"$CONNECTIONS" -s "$script" "$BASE$2" | sed -n 's/^Requests\/sec: *//p') requests/s"
  psql -c "select calls, round(total_exec_time::numeric / calls * 1000) as µs_a_call,
      round(total_exec_time::numeric) as ms, round((shared_blks_hit + shared_blks_read)::numeric / calls, 1) as buffers_a_call,
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140) as statement
    from pg_stat_statements where query not like '%pg_stat_statements%'
    order by total_exec_time desc limit 15" | tee "$BENCH_DIR/statements-$1.txt"
}
measure_statements incident-post /api/v1/incidents "$WORK/incident.lua"
measure_statements first-page "/api/v1/referrals?direction=incoming&limit=20"
measure_statements one-referral "/api/v1/referrals/$ONE"
