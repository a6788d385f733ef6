#!/usr/bin/env bash
# Qorgau's hot paths against PostgreSQL's own ceiling on the same machine (issue 10).
#
#   bench/perf.sh        # about 40 minutes; writes BENCHMARKS.md's measured section and bench/explain-plans.txt
#
# It builds the packaged service; starts PostgreSQL 17 with durable settings and the project's Keycloak;
# seeds one tenant with 1,000,000 referrals among 200 agencies and a second, smaller tenant (bench/seed.sql);
# takes real tokens from Keycloak; drives each hot path with wrk (fixed connections, warm-up, fixed
# duration) while sampling the service's CPU and resident memory; measures pgbench's one-row INSERT on the
# same database as the ceiling; and records the plan of every list query the service runs (auto_explain,
# with ANALYZE and BUFFERS) on the seeded data.
#
# Settings (environment): DURATION=20s WARMUP=15s CONNECTIONS=16, and the seed's sizes REFERRALS=1000000
# INCIDENTS=300000 AGENCIES=200, and JFR=1 for a profile of the service (smaller sizes make a quick trial run; BENCHMARKS.md is only rewritten
# for the full sizes unless WRITE=1). BUILT=1 uses target/quarkus-app as it is, a production build already made.
# CEILINGS=0 and COSTS=0 leave out the same-SQL ceilings and the RLS/audit costs (bench/sizes.sh does, to measure
# only how the paths grow). BASELINE=DIR (another production build's target/quarkus-app, of the same schema) also
# measures the write paths and one read on that build and on this one alternately, the fair way to compare two;
# BASELINE_OPTIONS="-D..." are passed to the baseline's starts only (an older build may need other settings).
# BASELINE_SQL=FILE and THIS_SQL=FILE are run (psql, as the owner) before each start of the baseline and of this build
# in that comparison: to compare two layouts of the same schema, the same build as BASELINE and each layout's SQL.
# The list plans go to bench/explain-plans.txt when BENCHMARKS.md is written, else to
# target/bench/explain-plans-REFERRALS.txt.
# The test command runs this script small on its own production build (ProductionBuildIT), so it cannot break
# unnoticed.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-16}
REFERRALS=${REFERRALS:-1000000}
INCIDENTS=${INCIDENTS:-300000}
AGENCIES=${AGENCIES:-200}
WRITE=${WRITE:-$([ "$REFERRALS" = 1000000 ] && echo 1 || echo 0)}
CEILINGS=${CEILINGS:-1}
COSTS=${COSTS:-1}
. bench/lib.sh
RESULTS=$WORK/results
: > "$RESULTS"
note() { echo "$*" | tee -a "$WORK/notes"; }
phase() { echo "== $(date +%T) $*"; }

phase "build"
build_service
start_keycloak
phase "PostgreSQL"
start_postgres > "$WORK/postgres"
note "$(cat "$WORK/postgres")"
NGO_CENTRE=0192a000-0000-7000-8000-000000000103

phase "schema (the service's own Flyway migrations and the demo agencies), then the seed"
start_service $(keycloak_oidc)
stop_service
# psql connects as postgres (lib.sh), the tables' owner and a superuser, which row-level security does not
# restrict; the service connects as qorgau_app, which it does.
# The demo agencies are the ones the demo realms' users belong to (the production build leaves db/demo out).
psql -q -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_agencies.sql
start=$(date +%s%N)
psql -q -v ON_ERROR_STOP=1 -v key_id=bench -v referrals="$REFERRALS" -v incidents="$INCIDENTS" -v agencies="$AGENCIES" -f bench/seed.sql
note "seeded in $(( $(elapsed_ms "$start") / 1000 )) s: $(psql -qAt -c "select string_agg(t || ' ' || n, ', ') from (
  select 'referrals', count(*) from referral union all select 'incidents', count(*) from incident
  union all select 'history entries', count(*) from referral_history union all select 'outbox events', count(*) from outbox_event
  union all select 'agencies', count(*) from agency union all select 'tenants', count(*) from tenant) c(t, n)")"
# The incoming list shows what was sent to the centre, not the drafts its senders still hold.
DEEP_DEPTH=$(psql -qAt -c "select least(30000, count(*) - 100) from referral where tenant_id = 'almaty' and receiver_agency_id = '$NGO_CENTRE' and submitted_at is not null")

phase "service start with the database up"
await_keycloak
# JFR=1 records a profile of the whole run into target/bench/service.jfr, and draws each path's flame graphs
# from it (bench/flamegraphs/FLAMES-path-cpu.svg and -alloc.svg; FLAMES defaults to the commit). A request's stack
# runs deeper than JFR's default 64 frames, and a cut stack is drawn as a tree of its own, apart from its callers.
start_service $(keycloak_oidc) ${JFR:+-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=$BENCH_DIR/service.jfr,settings=profile}
note "process start to first ready 200: $SERVICE_START_MS ms"

tokens() {
  DISPATCH=$(keycloak_token almaty police-dispatch almaty-dispatch-demo-secret)
  INSPECTOR=$(keycloak_token almaty qorgau-demo - inspector demo)
  CASEWORKER=$(keycloak_token almaty qorgau-demo - ngo.caseworker demo)
}
tokens

phase "set-up through the API: a case, its consent, and $CONNECTIONS referrals taken to IN_PROGRESS"
CASE=$(post /api/v1/cases "$INSPECTOR" '{"survivor":{"fullName":"Bench Survivor"},"riskLevel":"HIGH"}' | json_field id)
post "/api/v1/cases/$CASE/consents" "$INSPECTOR" "{\"recipientAgencyIds\":[\"$NGO_CENTRE\"],\"categories\":[\"IDENTITY\"],\"method\":\"WRITTEN\"}" >/dev/null
REFERRAL_BODY="{\"caseId\":\"$CASE\",\"receiverAgencyId\":\"$NGO_CENTRE\",\"servicesRequested\":[\"PSYCHOLOGICAL_COUNSELLING\"],\"submit\":true}"
make_referrals() { # count: ids of referrals IN_PROGRESS, all at the version written to $WORK/version
  local ids="" created id accepted started
  for _ in $(seq "$1"); do
    created=$(post /api/v1/referrals "$INSPECTOR" "$REFERRAL_BODY")
    id=$(echo "$created" | json_field id)
    accepted=$(post "/api/v1/referrals/$id/transitions" "$CASEWORKER" '{"action":"ACCEPT"}' "\"$(echo "$created" | json_field version)\"")
    started=$(post "/api/v1/referrals/$id/transitions" "$CASEWORKER" '{"action":"START"}' "\"$(echo "$accepted" | json_field version)\"")
    ids="$ids $id"
    echo "$started" | json_field version > "$WORK/version"
  done
  echo "$ids"
}
WARM_IDS=$(make_referrals "$CONNECTIONS")
MEASURED_IDS=$(make_referrals "$CONNECTIONS")
VERSION=$(cat "$WORK/version")
ONE_REFERRAL=$(echo $MEASURED_IDS | cut -d' ' -f1)

phase "a cursor $DEEP_DEPTH referrals deep into the crisis centre's incoming list"
DEEP_CURSOR=""
for _ in $(seq $((DEEP_DEPTH / 100))); do
  DEEP_CURSOR=$(curl -sf "$BASE/api/v1/referrals?direction=incoming&limit=100${DEEP_CURSOR:+&cursor=$DEEP_CURSOR}" \
    -H "Authorization: Bearer $CASEWORKER" | json_field nextCursor)
done
FEED_MIDDLE=$(psql -qAt -c "select position from agency_feed where agency_id = '$NGO_CENTRE' order by position offset (select count(*) / 2 from agency_feed where agency_id = '$NGO_CENTRE') limit 1")
FEED_CURSOR=$(printf %s "$FEED_MIDDLE" | base64 | tr -d '=' | tr '+/' '-_')

# wrk reports through this: requests/s, p50 and p99 in ms, answers that were not 2xx, requests.
cat > "$WORK/report.lua" <<'LUA'
function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT %.0f %.1f %.1f %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))
end
LUA
get_script() { # file token
  { echo "wrk.headers[\"Authorization\"] = \"Bearer $2\""; cat "$WORK/report.lua"; } > "$1"
}
incident_script() { # file: bench/lib.sh's incident POST, reporting its figures
  incident_lua "$1" "$DISPATCH"
  cat "$WORK/report.lua" >> "$1"
}
# Each wrk thread owns one referral and toggles it PAUSE/RESUME with its version in If-Match.
transition_script() { # file ids
  cat > "$1" <<LUA
local ids = {}
for id in string.gmatch("$2", "%S+") do table.insert(ids, id) end
local next_id = 1
function setup(thread)
  thread:set("referral", ids[next_id])
  next_id = next_id + 1
end
function init(args)
  version = $VERSION
  pausing = true
end
function request()
  local body = pausing and '{"action":"PAUSE","note":"bench"}' or '{"action":"RESUME"}'
  return wrk.format("POST", "/api/v1/referrals/" .. referral .. "/transitions",
    {["Authorization"] = "Bearer $CASEWORKER", ["Content-Type"] = "application/json", ["If-Match"] = '"' .. version .. '"'}, body)
end
function response(status, headers, body)
  if status == 200 then
    version = version + 1
    pausing = not pausing
  end
end
LUA
  cat "$WORK/report.lua" >> "$1"
}

# The service's CPU (percent of one core, averaged over the run).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
cpu_percent_since() { echo $(( ( $(cpu_ticks) - $1 ) * 100 * 1000 / $(getconf CLK_TCK) / $(elapsed_ms "$2") )); } # ticks start-ns
# Where the rest of the two cores goes while a path is driven: PostgreSQL's processes and the whole machine (wrk,
# Keycloak and the kernel's network work are the machine less the service and PostgreSQL), percent of one core.
# PostgreSQL's are the postmaster's own ticks, those of the children it has reaped (backends and workers that ended,
# pgbench's among them) and those of its children still running.
pg_ticks() { local main p; main=$(head -1 "$POSTGRES_DATA/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$main/stat"
    for p in $(pgrep -P "$main"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done; } | awk '{s += $1} END {print s}'; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# machine_since MACHINE-TICKS PG-TICKS START-NS: "postgres%|machine%" since then
machine_since() {
  local ms; ms=$(elapsed_ms "$3")
  echo "$(( ($(pg_ticks) - $2) * 100 * 1000 / $(getconf CLK_TCK) / ms ))|$(( ($(machine_ticks) - $1) * 100 * 1000 / $(getconf CLK_TCK) / ms ))"
}

# The transition script carries each referral's version; they moved on since, so each script starts from where
# its referrals stand: their versions now, RESUME first for one that is paused. Every warm-up toggles WARM_IDS,
# every measured run MEASURED_IDS.
transition_from_now() { # file ids
  VERSION=0 transition_script "$1" "$2"
  python3 - "$1" "$BASE" "$CASEWORKER" $2 <<'PY'
import json, sys, urllib.request
script, base, token, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
state = {}
for i in ids:
    request = urllib.request.Request(f"{base}/api/v1/referrals/{i}", headers={"Authorization": f"Bearer {token}"})
    body = json.load(urllib.request.urlopen(request))
    state[i] = (body["version"], body["state"] == "ON_HOLD")
text = open(script).read()
table = "{" + ",".join(f'["{i}"]={{{v},{str(paused).lower()}}}' for i, (v, paused) in state.items()) + "}"
old = "function init(args)\n  version = 0\n  pausing = true"
assert old in text
text = text.replace(old, f"local start = {table}\nfunction init(args)\n  version = start[referral][1]\n  pausing = not start[referral][2]")
open(script, "w").write(text)
PY
}

# settle [events]: waits (two minutes at most) until the service has worked off what the runs before it left: audit
# entries to chain and events to number; with "events", the events alone (the chainer is off). None of that work
# is then done during the next measurement.
settle() {
  local left
  for _ in $(seq 240); do
    left=$(psql -qAt -c "select (select count(*) from outbox_event where position is null)
      + $([ "${1:-}" = events ] && echo 0 || echo "(select count(*) from audit_entry where hash is null and refused_at is null)")")
    [ "$left" = 0 ] && return
    sleep 0.5
  done
  echo "the service had $left audit entries and events still to work off after two minutes" >&2
}

# measure NAME WARM-UP-SCRIPT SCRIPT URL [wrk options...]
measure() {
  local name=$1 warm=$2 script=$3 url=$4 ticks started out rss cpu machine pg
  shift 4
  wrk -d "$WARMUP" -t2 -c"$CONNECTIONS" -s "$warm" "$@" "$url" >/dev/null
  echo 0 > "$WORK/rss"
  sample_rss & local sampler=$!
  pg=$(pg_ticks); machine=$(machine_ticks)
  ticks=$(cpu_ticks); started=$(date +%s%N)
  out=$(wrk -d "$DURATION" -t2 -c"$CONNECTIONS" --latency -s "$script" "$@" "$url" | grep '^RESULT')
  cpu=$(cpu_percent_since "$ticks" "$started")
  # Beside each results line, the same run's PostgreSQL and machine CPU.
  machine_since "$machine" "$pg" "$started" >> "$RESULTS.machine"
  echo "$name|$((started / 1000000))|$(( $(date +%s%N) / 1000000 ))" >> "$WORK/windows"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  rss=$(( $(cat "$WORK/rss") / 1024 ))
  echo "$name|${out#RESULT }|$cpu|$rss" | tee -a "$RESULTS"
}

# A replica serves for days: what it costs once warm is what is measured. Under full load the JIT compilers get
# little of the two cores, and on a JVM just started the first paths measured paid for compiling the code every path
# shares (the same calls ran with up to 40% more requests/s a few minutes later). So every hot path is driven first,
# unmeasured; each then has its own warm-up as well.
JVM_WARMUP=${JVM_WARMUP:-$(( ${WARMUP%s} * 2 ))s}
phase "the JVM warmed on every hot path, $JVM_WARMUP each, not measured"
warm() { # script url [wrk options...]
  local script=$1 url=$2
  shift 2
  wrk -d "$JVM_WARMUP" -t2 -c"$CONNECTIONS" -s "$script" "$@" "$url" >/dev/null
}
tokens
incident_script "$WORK/jvm-warm.lua"
warm "$WORK/jvm-warm.lua" "$BASE/api/v1/incidents"
transition_from_now "$WORK/jvm-warm.lua" "$WARM_IDS"
warm "$WORK/jvm-warm.lua" "$BASE" -t"$CONNECTIONS"
get_script "$WORK/jvm-warm.lua" "$CASEWORKER"
warm "$WORK/jvm-warm.lua" "$BASE/api/v1/referrals?direction=incoming&limit=20"
warm "$WORK/jvm-warm.lua" "$BASE/api/v1/referrals?direction=incoming&limit=20&cursor=$DEEP_CURSOR"
warm "$WORK/jvm-warm.lua" "$BASE/api/v1/referrals/$ONE_REFERRAL"
warm "$WORK/jvm-warm.lua" "$BASE/api/v1/events?limit=50&after=$FEED_CURSOR"

phase "hot paths: $CONNECTIONS connections, $WARMUP warm-up, $DURATION measured"
tokens
incident_script "$WORK/incident-warm.lua"; incident_script "$WORK/incident.lua"
measure "POST /api/v1/incidents (Idempotency-Key)" "$WORK/incident-warm.lua" "$WORK/incident.lua" "$BASE/api/v1/incidents"
tokens
transition_from_now "$WORK/transition-warm.lua" "$WARM_IDS"; transition_from_now "$WORK/transition.lua" "$MEASURED_IDS"
measure "POST /api/v1/referrals/{id}/transitions (PAUSE/RESUME, If-Match)" "$WORK/transition-warm.lua" "$WORK/transition.lua" "$BASE" -t"$CONNECTIONS"
tokens
get_script "$WORK/caseworker.lua" "$CASEWORKER"
measure "GET /api/v1/referrals?direction=incoming&limit=20, first page" "$WORK/caseworker.lua" "$WORK/caseworker.lua" \
  "$BASE/api/v1/referrals?direction=incoming&limit=20"
measure "GET /api/v1/referrals?direction=incoming&limit=20, cursor $DEEP_DEPTH deep" "$WORK/caseworker.lua" "$WORK/caseworker.lua" \
  "$BASE/api/v1/referrals?direction=incoming&limit=20&cursor=$DEEP_CURSOR"
tokens
get_script "$WORK/caseworker.lua" "$CASEWORKER"
measure "GET /api/v1/referrals/{id}" "$WORK/caseworker.lua" "$WORK/caseworker.lua" "$BASE/api/v1/referrals/$ONE_REFERRAL"
measure "GET /api/v1/events?limit=50, from the middle of the feed" "$WORK/caseworker.lua" "$WORK/caseworker.lua" \
  "$BASE/api/v1/events?limit=50&after=$FEED_CURSOR"
phase "latency at half load: each hot path paced to half the requests/s it reached above"
# A p99 taken at saturation measures the queue, not the call: with every connection always busy, the mean
# latency is the connections divided by the rate (Little's law; 16 / 1,700 per second is 9.4 ms), whatever a call
# costs. Here each connection pauses between its calls so that at most half the path's saturated rate is offered, the load
# of a replica with room for a burst. The pauses are drawn at random (uniform, the pace on average) rather than
# fixed: fixed ones keep the connections in step, and their calls would arrive in bursts that queue. wrk times
# each call from its sending, so a pause is never part of a latency. Run before the documents and the ceilings, so
# that nothing they leave for the scheduled jobs is worked off during these runs.
PACED=$WORK/paced
: > "$PACED"
paced() { # NAME-PREFIX SCRIPT URL [wrk options...]
  local url=$3 row name saturated pace ticks started out cpu
  # By name, not position: a row of one path must never lend its rate to another.
  row=$(grep -F -- "$1" "$RESULTS" || true)
  [ -n "$row" ] && [ "$(wc -l <<< "$row")" = 1 ] || { echo "no single saturated run named '$1'" >&2; exit 1; }
  name=$(cut -d'|' -f1 <<< "$row")
  saturated=$(cut -d'|' -f2 <<< "$row" | cut -d' ' -f1)
  # wrk's pauses are whole milliseconds: rounded up, so that no more than half the rate is offered.
  pace=$(( (CONNECTIONS * 2000 + saturated - 1) / (saturated > 0 ? saturated : 1) ))
  # Each wrk thread has its own Lua state; the address of a fresh table differs between them, so does the seed.
  { cat "$2"; cat <<LUA
local seeded = false
function delay()
  if not seeded then
    math.randomseed(tonumber(tostring({}):match("0x(%x+)") or "1", 16) % 2147483647)
    seeded = true
  end
  return math.random(0, $((2 * pace)))
end
LUA
  } > "$WORK/paced.lua"
  shift 3
  ticks=$(cpu_ticks); started=$(date +%s%N)
  out=$(wrk -d "$DURATION" -t2 -c"$CONNECTIONS" --latency -s "$WORK/paced.lua" "$@" "$url" | grep '^RESULT')
  cpu=$(cpu_percent_since "$ticks" "$started")
  echo "$name|$(( CONNECTIONS * 1000 / pace ))|${out#RESULT }|$cpu" | tee -a "$PACED"
}
tokens
incident_script "$WORK/incident.lua"
paced "POST /api/v1/incidents" "$WORK/incident.lua" "$BASE/api/v1/incidents"
transition_from_now "$WORK/transition.lua" "$MEASURED_IDS"
paced "POST /api/v1/referrals/{id}/transitions" "$WORK/transition.lua" "$BASE" -t"$CONNECTIONS"
get_script "$WORK/caseworker.lua" "$CASEWORKER"
paced "first page" "$WORK/caseworker.lua" "$BASE/api/v1/referrals?direction=incoming&limit=20"
paced "deep|" "$WORK/caseworker.lua" "$BASE/api/v1/referrals?direction=incoming&limit=20&cursor=$DEEP_CURSOR"
paced "GET /api/v1/referrals/{id}|" "$WORK/caseworker.lua" "$BASE/api/v1/referrals/$ONE_REFERRAL"
paced "GET /api/v1/events" "$WORK/caseworker.lua" "$BASE/api/v1/events?limit=50&after=$FEED_CURSOR"

tokens
# Documents: a 256 KiB PDF attached to one of the centre's referrals (its own, so it always reads it), each
# one sealed under a key of its own and kept in PostgreSQL; then one of them downloaded.
document_lua "$WORK/document.lua" "$CASEWORKER"
cat "$WORK/report.lua" >> "$WORK/document.lua"
# As many connections as a replica takes uploads of one network (3 of its 4, the last left for another network) and
# downloads (8) at once: more would measure its 503s.
measure "POST /api/v1/referrals/{id}/documents (256 KiB PDF, 3 connections)" "$WORK/document.lua" "$WORK/document.lua" \
  "$BASE/api/v1/referrals/$ONE_REFERRAL/documents?kind=OTHER&category=INCIDENT_DETAILS" -c3
ONE_DOCUMENT=$(curl -sf -X POST "$BASE/api/v1/referrals/$ONE_REFERRAL/documents?kind=OTHER&category=INCIDENT_DETAILS" \
  -H "Authorization: Bearer $CASEWORKER" -H 'Content-Type: application/pdf' --data-binary "@$WORK/document.pdf" | json_field id)
get_script "$WORK/caseworker.lua" "$CASEWORKER"
measure "GET /api/v1/referrals/{id}/documents/{documentId}/content (256 KiB, 8 connections)" "$WORK/caseworker.lua" \
  "$WORK/caseworker.lua" "$BASE/api/v1/referrals/$ONE_REFERRAL/documents/$ONE_DOCUMENT/content" -c8

: > "$WORK/ceilings"
if [ "$CEILINGS" = 1 ]; then
phase "each path's own ceiling: the statements of one call of it, captured from the service, replayed by pgbench"
# bench/ceiling.py says how a call's statements become a repeatable script. pgbench connects as the service
# does (qorgau_app, under row-level security) and prepares its statements, as the JDBC driver does.
psql -q <<'SQL'
create or replace function bench_uuid7() returns uuid language sql volatile as $$
  select encode(overlay(uuid_send(gen_random_uuid()) placing
    substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 'hex')::uuid $$;
SQL
psql -q -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
sleep 1
CAPTURE_FROM=$(wc -c < "$POSTGRES_DATA/server.log")
export CAPTURED_SINCE=$(date +%s)
capture() { # request-id method path token [body [If-Match]]
  curl -sf -o /dev/null -X "$2" "$BASE$3" -H "Authorization: Bearer $4" -H "X-Request-Id: $1" \
    ${5:+-H 'Content-Type: application/json' -d "$5"} ${6:+-H "If-Match: $6"} \
    $([ "$3" = /api/v1/incidents ] && echo "-H Idempotency-Key:$1-key") || { echo "capture of $2 $3 failed" >&2; exit 1; }
}
tokens
RUN=$RANDOM$RANDOM
capture "ceiling-incident-$RUN" POST /api/v1/incidents "$DISPATCH" \
  '{"occurredAt":"2026-01-01T10:00:00Z","district":"Almaly","violenceKinds":["PHYSICAL"],"childrenPresent":false,"weaponsInvolved":false,"injuries":true}'
CAPTURED=$(echo $MEASURED_IDS | cut -d' ' -f2)
# wrk left it paused or under way: the pair is taken in the order its state allows.
curl -sf "$BASE/api/v1/referrals/$CAPTURED" -H "Authorization: Bearer $CASEWORKER" > "$WORK/captured.json"
AT=$(json_field version < "$WORK/captured.json")
if [ "$(json_field state < "$WORK/captured.json")" = ON_HOLD ]; then
  capture "ceiling-resume-$RUN" POST "/api/v1/referrals/$CAPTURED/transitions" "$CASEWORKER" '{"action":"RESUME"}' "\"$AT\""
  capture "ceiling-pause-$RUN" POST "/api/v1/referrals/$CAPTURED/transitions" "$CASEWORKER" '{"action":"PAUSE","note":"bench"}' "\"$((AT + 1))\""
else
  capture "ceiling-pause-$RUN" POST "/api/v1/referrals/$CAPTURED/transitions" "$CASEWORKER" '{"action":"PAUSE","note":"bench"}' "\"$AT\""
  capture "ceiling-resume-$RUN" POST "/api/v1/referrals/$CAPTURED/transitions" "$CASEWORKER" '{"action":"RESUME"}' "\"$((AT + 1))\""
fi
capture "ceiling-first-$RUN" GET "/api/v1/referrals?direction=incoming&limit=20" "$CASEWORKER"
capture "ceiling-deep-$RUN" GET "/api/v1/referrals?direction=incoming&limit=20&cursor=$DEEP_CURSOR" "$CASEWORKER"
capture "ceiling-one-$RUN" GET "/api/v1/referrals/$ONE_REFERRAL" "$CASEWORKER"
capture "ceiling-feed-$RUN" GET "/api/v1/events?limit=50&after=$FEED_CURSOR" "$CASEWORKER"
sleep 1
psql -q -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
# pgbench has the database to itself: the service's scheduled work (chaining, numbering events) would compete with it.
stop_service
# ceiling NAME CALLS-PER-TRANSACTION REQUEST-IDS [CLIENT-IDS CAPTURED-ID]: calls/s pgbench reaches
ceiling() {
  local statements tps machine started pg
  statements=$(python3 bench/ceiling.py "$POSTGRES_DATA/server.log" "$CAPTURE_FROM" "$3" "$WORK/ceiling-$1.sql" "${4:-}" "${5:-}")
  cp "$WORK/ceiling-$1.sql" "$BENCH_DIR/ceiling-$1.sql"
  # A client that fails a statement stops and pgbench exits 2: the script is then wrong, and the run says why.
  pgbench -n -M prepared -U qorgau_app -f "$WORK/ceiling-$1.sql" -c "$CONNECTIONS" -j 2 -T "${WARMUP%s}" \
    > "$WORK/pgbench.log" 2>&1 || { tail -5 "$WORK/pgbench.log" >&2; echo "pgbench failed on $BENCH_DIR/ceiling-$1.sql" >&2; exit 1; }
  pg=$(pg_ticks); machine=$(machine_ticks); started=$(date +%s%N)
  pgbench -n -M prepared -U qorgau_app -f "$WORK/ceiling-$1.sql" -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" \
    > "$WORK/pgbench.log" 2>&1 || { tail -5 "$WORK/pgbench.log" >&2; echo "pgbench failed on $BENCH_DIR/ceiling-$1.sql" >&2; exit 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.log")
  echo "$1|$(python3 -c "print(round($tps * $2))")|$statements|$(machine_since "$machine" "$pg" "$started")" | tee -a "$WORK/ceilings"
}
ceiling incident 1 "ceiling-incident-$RUN"
ceiling transition 2 "ceiling-pause-$RUN,ceiling-resume-$RUN" "$MEASURED_IDS" "$CAPTURED"
ceiling first-page 1 "ceiling-first-$RUN"
ceiling deep-page 1 "ceiling-deep-$RUN"
ceiling one-referral 1 "ceiling-one-$RUN"
ceiling feed 1 "ceiling-feed-$RUN=from agency_feed f join outbox_event"
fi

phase "the ceiling: pgbench, one-row INSERT, same database, $CONNECTIONS clients"
psql -q -c "create table if not exists bench_ceiling (id bigserial primary key, at timestamptz not null default now(), client int not null)"
echo 'insert into bench_ceiling (client) values (:client_id);' > "$WORK/ceiling.sql"
pgbench -n -f "$WORK/ceiling.sql" -c "$CONNECTIONS" -j 2 -T "${WARMUP%s}" >/dev/null
PGBENCH=$(pgbench -n -f "$WORK/ceiling.sql" -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
PGBENCH=${PGBENCH%.*}
echo "pgbench one-row INSERT: $PGBENCH tps"
if [ "$CEILINGS" = 1 ]; then
  # The replayed audit entries carry the MACs of the calls they were captured from, over other ids: the chainer would
  # refuse them one by one, hundreds of thousands, each with an error in the log, while the next paths are measured.
  # Refused here at once instead, as it would refuse them. Their events are numbered by the service before it is
  # measured again (settle).
  psql -q -c "update audit_entry set refused_at = now() where hash is null and refused_at is null
    and at in (select at from audit_entry where request_id like 'ceiling-%-$RUN')
    and request_id not like 'ceiling-%-$RUN'"
  start_service $(keycloak_oidc)
  settle
fi

# The write paths and one read, on a service started for each variant: what row-level security and the audit chain
# cost (COSTS=1), and this build against another (BASELINE). TABLE names the table the rows go to.
TABLE=costs
costs() { # label
  local saved=$RESULTS
  RESULTS=$WORK/$TABLE-$1
  : > "$RESULTS"
  tokens
  incident_script "$WORK/incident-warm.lua"; incident_script "$WORK/incident.lua"
  measure "POST /api/v1/incidents" "$WORK/incident-warm.lua" "$WORK/incident.lua" "$BASE/api/v1/incidents"
  transition_costs
  get_script "$WORK/caseworker.lua" "$CASEWORKER"
  measure "GET /api/v1/referrals/{id}" "$WORK/caseworker.lua" "$WORK/caseworker.lua" "$BASE/api/v1/referrals/$ONE_REFERRAL"
  RESULTS=$saved
}
transition_costs() {
  transition_from_now "$WORK/transition-warm.lua" "$WARM_IDS"
  transition_from_now "$WORK/transition.lua" "$MEASURED_IDS"
  measure "POST /api/v1/referrals/{id}/transitions" "$WORK/transition-warm.lua" "$WORK/transition.lua" "$BASE" -t"$CONNECTIONS"
}
# Each variant on a JVM started for it, measured twice: the first round after the start, then the one the variant is
# judged by. Two rounds, not one, because under full load the JIT compilers get little of the two cores, and a JVM a
# few minutes warmer served the same calls with up to 40% more requests/s: a variant measured right after another on
# the same JVM looked that much cheaper for its place in the queue, not for what it turned off.
variant() { # label [extra -D options...]
  local label=$1
  shift
  stop_service
  if [ -n "${VARIANT_SQL:-}" ]; then
    PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -f "$VARIANT_SQL"
  fi
  start_service $(keycloak_oidc) "$@"
  if [[ "$*" == *chain-every=off* ]]; then settle events; else settle; fi
  costs "$label, first round after the start"
  costs "$label"
}

if [ "$COSTS" = 1 ]; then
phase "what row-level security and the audit chain cost: the write paths and one read, with each turned off"
# Row-level security off: its policies disabled on every table for these minutes (the service still names its
# tenant on each connection). The audit chainer off: entries are written with their MAC, never chained.
# The MAC itself cannot be turned off; its share of the CPU is in the flame graphs (AuditChain.entryMac).
psql -qAt -c "select string_agg(relname, ' ') from pg_class where relrowsecurity and relkind = 'r' and relnamespace = 'public'::regnamespace" > "$WORK/rls-tables"
variant "as built"
for t in $(cat "$WORK/rls-tables"); do psql -q -c "alter table $t disable row level security"; done
variant "row-level security off"
for t in $(cat "$WORK/rls-tables"); do psql -q -c "alter table $t enable row level security"; done
# And the first variant once more: whatever the database was still working off from the runs before (vacuum, a
# checkpoint) weighed on the first variant alone; the two "as built" rows side by side show how much. Before the
# chainer off, not after it: the entries that variant leaves unchained would be chained during this one.
variant "as built, again"
variant "audit chainer off" -Dqorgau.audit.chain-every=off ${JFR:+-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=$BENCH_DIR/service-costs.jfr,settings=profile}
stop_service
start_service $(keycloak_oidc)
fi

if [ -n "${BASELINE:-}" ]; then
phase "this build against the baseline ($BASELINE): each on a JVM of its own, in turn, twice"
# Two runs of this script an hour apart differ by up to a factor of two on this machine (pgbench's one-row INSERT
# went from 17,121 to 9,576 tps), so two builds are compared here, on the same database, alternately.
TABLE=compare
# shellcheck disable=SC2086
SERVICE_APP=$BENCH_DIR/baseline VARIANT_SQL=${BASELINE_SQL:-} variant "baseline" ${BASELINE_OPTIONS:-}
VARIANT_SQL=${THIS_SQL:-} variant "this build"
# shellcheck disable=SC2086
SERVICE_APP=$BENCH_DIR/baseline VARIANT_SQL=${BASELINE_SQL:-} variant "baseline, again" ${BASELINE_OPTIONS:-}
VARIANT_SQL=${THIS_SQL:-} variant "this build, again"
TABLE=costs
stop_service
start_service $(keycloak_oidc)
fi

phase "plans of the list queries on the seeded data (auto_explain: ANALYZE, BUFFERS)"
COORDINATOR=$(keycloak_token almaty qorgau-demo - coordinator demo)
AUDITOR=$(keycloak_token almaty qorgau-demo - auditor demo)
tokens
psql -q -c "alter system set auto_explain.log_min_duration = 0" -c "alter system set auto_explain.log_analyze = on" \
  -c "alter system set auto_explain.log_buffers = on" -c "alter system set auto_explain.log_timing = on" -c "select pg_reload_conf()" >/dev/null
sleep 1
LOG_FROM=$(wc -c < "$POSTGRES_DATA/server.log")
call() { # label token path
  echo "-- $1: GET $3" >> "$WORK/calls"
  curl -sf -o /dev/null "$BASE$3" -H "Authorization: Bearer $2" -H "X-Request-Id: explain-$(echo "$1" | tr ' ' '-')" || echo "   $3 failed" >&2
}
call "incoming first page" "$CASEWORKER" "/api/v1/referrals?direction=incoming&limit=20"
call "incoming deep cursor" "$CASEWORKER" "/api/v1/referrals?direction=incoming&limit=20&cursor=$DEEP_CURSOR"
call "incoming by state" "$CASEWORKER" "/api/v1/referrals?direction=incoming&state=SUBMITTED&limit=20"
call "outgoing" "$INSPECTOR" "/api/v1/referrals?direction=outgoing&limit=20"
call "network list" "$COORDINATOR" "/api/v1/referrals?limit=20"
call "network by state" "$COORDINATOR" "/api/v1/referrals?state=IN_PROGRESS&limit=20"
call "escalated" "$COORDINATOR" "/api/v1/referrals?escalated=true&limit=20"
call "emergency exception" "$COORDINATOR" "/api/v1/referrals?emergencyException=true&limit=20"
call "referral" "$CASEWORKER" "/api/v1/referrals/$ONE_REFERRAL"
call "referral history" "$CASEWORKER" "/api/v1/referrals/$ONE_REFERRAL/history"
call "change feed" "$CASEWORKER" "/api/v1/events?limit=50&after=$FEED_CURSOR"
call "network change feed" "$COORDINATOR" "/api/v1/events?limit=50"
call "incidents" "$DISPATCH" "/api/v1/incidents?limit=20"
call "case search" "$INSPECTOR" "/api/v1/cases?survivorName=Bench%20Survivor&limit=20"
call "agencies" "$COORDINATOR" "/api/v1/agencies?limit=20"
call "audit" "$AUDITOR" "/api/v1/audit?limit=20"
call "needs action" "$CASEWORKER" "/api/v1/needs-action?limit=50"
call "my needs action" "$CASEWORKER" "/api/v1/needs-action?assignee=me&limit=50"
call "my referrals" "$CASEWORKER" "/api/v1/referrals?assignee=me&limit=20"
call "caseload" "$INSPECTOR" "/api/v1/cases?limit=20"
call "network caseload" "$COORDINATOR" "/api/v1/cases?limit=20"
call "referral messages" "$CASEWORKER" "/api/v1/referrals/$ONE_REFERRAL/messages"
sleep 1
psql -q -c "alter system reset all" -c "select pg_reload_conf()" >/dev/null
# Keep the plans of the reads (the writes' plans are single-row inserts and updates by key).
PLANS=$([ "$WRITE" = 1 ] && echo bench/explain-plans.txt || echo "$BENCH_DIR/explain-plans-$REFERRALS.txt")
{ echo "# Plans of the read queries the service ran for these calls, on the seeded data (bench/perf.sh)."
  sed 's/^/# /' "$WORK/calls"; echo
  tail -c +"$((LOG_FROM + 1))" "$POSTGRES_DATA/server.log" | python3 -c '
import re, sys
for entry in re.split(r"\n(?=\S[^\n]*LOG:  duration:)", sys.stdin.read()):
    text = re.search(r"Query Text: (\w+)", entry)
    if text and text.group(1).lower() == "select":
        print(re.sub(r"^[^\n]*?LOG:  ", "", entry.strip()) + "\n")
'; } > "$PLANS"
SEQ_SCANS=$(grep -cE 'Seq Scan on (referral|incident|referral_history|outbox_event|agency_feed|audit_entry)( |$)' "$PLANS" || true)
note "plans recorded in ${PLANS#$PWD/}: $(grep -c 'Query Text' "$PLANS") read queries, sequential scans of the large tables: $SEQ_SCANS"

if [ -n "${JFR:-}" ]; then
  phase "flame graphs of each path's measured seconds (JFR's CPU samples, then its allocation samples)"
  stop_service  # the recording is written as the JVM exits (the costs phase restarted the service without one)
  ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="tools.profiler:jfr-converter:4.2" -DoutputDirectory="$BENCH_DIR"
  FLAMES=${FLAMES:-$(git rev-parse --short HEAD)}
  mkdir -p bench/flamegraphs
  # The six hot paths; the document paths are measured, not drawn.
  slugs=(incident transition first-page deep-page one-referral feed)
  i=0
  while IFS='|' read -r name from to && [ "$i" -lt "${#slugs[@]}" ]; do
    for kind in cpu alloc; do
      java -jar "$BENCH_DIR/jfr-converter-4.2.jar" $([ $kind = alloc ] && echo --alloc) --from "$from" --to "$to" -o collapsed \
        "$BENCH_DIR/service.jfr" "$WORK/flame.collapsed" >/dev/null
      # JFR also samples threads blocked in native code (a socket read waiting for PostgreSQL): a stack whose
      # last frame is native (no _[j]/_[i]/_[0]/_[1] mark) is time waited, not CPU spent, and is left out.
      if [ $kind = cpu ]; then grep -E '_\[[0-9a-z]\] [0-9]+$' "$WORK/flame.collapsed" > "$WORK/flame.kept" || true
      else cp "$WORK/flame.collapsed" "$WORK/flame.kept"; fi
      python3 bench/flamegraph.py "$FLAMES, $kind: $name" < "$WORK/flame.kept" > "bench/flamegraphs/$FLAMES-${slugs[$i]}-$kind.svg"
      # The stacks themselves, to be summed and compared (target/bench/PATH-KIND.collapsed).
      cp "$WORK/flame.kept" "$BENCH_DIR/${slugs[$i]}-$kind.collapsed"
    done
    i=$((i + 1))
  done < "$WORK/windows"
  note "flame graphs: bench/flamegraphs/$FLAMES-*.svg"
fi

phase "results"
cp "$RESULTS" "$BENCH_DIR/results-$REFERRALS.psv"
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, $("$SERVICE_JAVA" -version 2>&1 | head -1), Quarkus $(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)"
python3 - "$RESULTS" "$PGBENCH" "$WORK/notes" "$MACHINE" "$CONNECTIONS" "$WARMUP" "$DURATION" "$JVM_OPTIONS" "$WRITE" "$WORK/ceilings" "$PACED" "$RESULTS.machine" <<'PY'
import sys, re, datetime
results, pgbench, notes, machine, connections, warmup, duration, jvm, write, ceilings, paced, spent = sys.argv[1:]
# Each path's first measured run: PostgreSQL's CPU and the whole machine's, percent of one core.
spent = [tuple(int(x) for x in line.rstrip("\n").split("|")) for line in open(spent)]
def per(percent, calls):  # CPU ms per call, from percent of one core at so many calls/s
    return f"{10 * percent / max(calls, 1):.2f}"
def split(cpu, pg, whole, calls):  # a call's CPU: the service's, PostgreSQL's and the rest of the machine's
    return f"{per(cpu, calls)} + {per(pg, calls)} + {per(max(whole - cpu - pg, 0), calls)}"
pgbench = int(pgbench)
# The first six paths measured have a ceiling of their own, in the same order.
own = [line.rstrip("\n").split("|") for line in open(ceilings)]
rows = []
for line in open(results):
    name, figures, cpu, rss = line.rstrip("\n").split("|")
    rps, p50, p99, non2xx, errors, requests = figures.split()
    rows.append((name, int(rps), float(p50), float(p99), int(non2xx), int(errors), int(cpu), int(rss)))
out = [f"Measured {datetime.date.today()} by `bench/perf.sh`: {connections} connections, {warmup} warm-up, {duration} measured per path.", "",
       f"**Machine:** {machine}; wrk, the service, PostgreSQL and Keycloak share it. **Service JVM:** `{jvm}` (the Helm chart's).", ""]
out += [f"- {n}" for n in open(notes).read().strip().splitlines()]
out += [f"- pgbench one-row INSERT (the ceiling): **{pgbench:,} tps**", "",
        "| path | requests/s | p50 ms | p99 ms | non-2xx | its own ceiling: calls/s (statements) | share of it | vs one-row INSERT | service CPU | CPU ms per request | service RSS | CPU ms per call: service + PostgreSQL + the rest (its ceiling: PostgreSQL + the rest) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
for i, (name, rps, p50, p99, non2xx, errors, cpu, rss) in enumerate(rows):
    ratio = f"{100 * rps / pgbench:.1f}%" if name.startswith("POST") else ""
    ceiling = share = cpu_split = ""
    if i < len(spent):
        cpu_split = split(cpu, *spent[i], rps)
    if i < len(own):
        calls = int(own[i][1])
        ceiling = f"{calls:,} ({own[i][2]})"
        share = f"**{100 * rps / calls:.0f}%**"
        if len(own[i]) > 4:
            cpu_split += f" ({per(int(own[i][3]), calls)} + {per(int(own[i][4]) - int(own[i][3]), calls)})"
    out.append(f"| `{name}` | {rps:,} | {p50} | {p99} | {non2xx + errors} | {ceiling} | {share} | {ratio} | {cpu}% | {10 * cpu / max(rps, 1):.2f} | {rss} MiB | {cpu_split} |")
out += ["", "Latency at half load: the same paths right after the saturated runs, each connection pausing between its calls so that "
        "at most half the path's saturated rate is offered, in pauses drawn at random (at saturation the latency is mostly the queue):", "",
        "| at half load | path | offered at most, requests/s | reached | p50 ms | p99 ms | non-2xx | service CPU | CPU ms per request |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
for line in open(paced):
    name, offered, figures, cpu = line.rstrip("\n").split("|")
    rps, p50, p99, non2xx, errors, requests = figures.split()
    out.append(f"| half load | `{name}` | {int(offered):,} | {int(rps):,} | {p50} | **{p99}** | {int(non2xx) + int(errors)} | {cpu}% | {10 * int(cpu) / max(int(rps), 1):.2f} |")
import glob, os
def variants_table(prefix, intro):
    variants = sorted((name for name in glob.glob(os.path.join(os.path.dirname(ceilings), prefix + "-*"))
                       if not name.endswith(".machine")), key=os.path.getmtime)
    if not variants:
        return []
    rows = ["", intro, "", "| variant | path | requests/s | p99 ms | service CPU | CPU ms per request | "
            "CPU ms per call: service + PostgreSQL + the rest |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for name in variants:
        label = os.path.basename(name)[len(prefix) + 1:]
        machine = [line.rstrip("\n").split("|") for line in open(name + ".machine")]
        for line, (pg, whole) in zip(open(name), machine):
            path, figures, cpu, _ = line.rstrip("\n").split("|")
            rps, p50, p99 = figures.split()[:3]
            rows.append(f"| {label} | {path} | {int(rps):,} | {p99} | {cpu}% | {per(int(cpu), int(rps))} | "
                        f"{split(int(cpu), int(pg), int(whole), int(rps))} |")
    return rows
out += variants_table("costs", "What row-level security and the audit chain cost, measured in the same run: the service "
    "started afresh for each variant (row-level security turned off in PostgreSQL for the second; the first run once "
    "more as the third), each path warmed up as above, and the three paths measured twice in a row; the second "
    "round is the one to compare:")
out += variants_table("compare", "This build against the baseline build, on the same database in the same run: each "
    "started afresh in turn (baseline, this build, baseline again, this build again), each path warmed up as above, and "
    "the three paths measured twice in a row; the second round is the one to compare:")
table = "\n".join(out)
print(table)
if write == "1":
    text = open("BENCHMARKS.md").read()
    text = re.sub(r"(<!-- perf:start -->\n).*(<!-- perf:end -->)", lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
    open("BENCHMARKS.md", "w").write(text)
PY
