#!/usr/bin/env bash
# Baseline load measurement of Qorgau's hot paths against the packaged service (issue 3).
#
#   bench/baseline.sh            # builds, starts, seeds, measures, stops; prints wrk's figures
#
# The service runs from target/quarkus-app with its embedded PostgreSQL on this machine, and verifies
# tokens signed here with the test keys (src/test/resources/keys), so nothing else needs to be running.
# Each path gets a warm-up and then a fixed duration with a fixed number of connections (wrk, from
# Debian's packages). Issue 10 replaces this with the full benchmark against durable PostgreSQL settings.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-8s}
. bench/lib.sh
start_service

COORD=$(mint almaty coordinator)
agency() { post /api/v1/agencies "$COORD" "{\"name\":\"$1 $RANDOM$RANDOM\",\"kind\":\"$2\",\"services\":[\"SHELTER\"]}" | json_field id; }
POLICE=$(agency "Bench precinct" POLICE)
CENTRE=$(agency "Bench crisis centre" NGO_CRISIS_CENTRE)
DISPATCH=$(mint almaty police-dispatch "$POLICE")
INSPECTOR=$(mint almaty police-inspector "$POLICE")
CASEWORKER=$(mint almaty ngo-caseworker "$CENTRE")

CASE=$(post /api/v1/cases "$INSPECTOR" '{"survivor":{"fullName":"Bench Survivor"},"riskLevel":"HIGH"}' | json_field id)
post "/api/v1/cases/$CASE/consents" "$INSPECTOR" "{\"recipientAgencyIds\":[\"$CENTRE\"],\"categories\":[\"IDENTITY\"],\"method\":\"WRITTEN\"}" >/dev/null
REFERRAL_BODY="{\"caseId\":\"$CASE\",\"receiverAgencyId\":\"$CENTRE\",\"servicesRequested\":[\"SHELTER\"],\"submit\":true}"
echo "seeding 300 referrals"
for _ in $(seq 300); do post /api/v1/referrals "$INSPECTOR" "$REFERRAL_BODY" >/dev/null; done
# One referral per transition connection, taken to IN_PROGRESS so it can toggle PAUSE/RESUME.
IDS=""
for _ in $(seq 16); do
  created=$(post /api/v1/referrals "$INSPECTOR" "$REFERRAL_BODY")
  id=$(echo "$created" | json_field id)
  accepted=$(post "/api/v1/referrals/$id/transitions" "$CASEWORKER" '{"action":"ACCEPT"}' "\"$(echo "$created" | json_field version)\"")
  started=$(post "/api/v1/referrals/$id/transitions" "$CASEWORKER" '{"action":"START"}' "\"$(echo "$accepted" | json_field version)\"")
  IDS="$IDS $id"
  VERSION=$(echo "$started" | json_field version)
done

cat > "$WORK/incident.lua" <<LUA
local n = 0
local tid = math.random(1, 1e9)
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $DISPATCH"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"occurredAt":"2026-01-01T10:00:00Z","district":"Almaly","violenceKinds":["PHYSICAL"],"childrenPresent":false,"weaponsInvolved":false,"injuries":true}'
function request()
  n = n + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. tid .. "-" .. n
  return wrk.format()
end
LUA
# transition_script FILE IDS: each of the eight threads owns one referral and toggles it PAUSE/RESUME.
transition_script() {
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
}
# The warm-up and the measured run each get their own referrals, so each starts at a version it knows.
transition_script "$WORK/transition-warm.lua" "$(echo $IDS | cut -d' ' -f1-8)"
transition_script "$WORK/transition.lua" "$(echo $IDS | cut -d' ' -f9-16)"

run() { # name, wrk arguments... (a script named x.lua is warmed up with x-warm.lua where there is one)
  local name=$1; shift
  local warm=()
  for arg in "$@"; do
    if [[ $arg == *.lua && -f ${arg%.lua}-warm.lua ]]; then warm+=("${arg%.lua}-warm.lua"); else warm+=("$arg"); fi
  done
  wrk -d "$WARMUP" "${warm[@]}" >/dev/null
  echo "== $name"
  wrk -d "$DURATION" --latency "$@" | grep -E 'Latency  |50%|99%|Requests/sec|Non-2xx|Socket errors|requests in'
  ps -o rss=,pcpu= -p "$SERVICE" | awk '{printf "   service RSS %.0f MiB, CPU %s%% (average since start)\n", $1/1024, $2}'
}
run "POST /api/v1/incidents (Idempotency-Key), 16 connections" -t2 -c16 -s "$WORK/incident.lua" "$BASE/api/v1/incidents"
run "POST /api/v1/referrals/{id}/transitions (PAUSE/RESUME), 8 connections, one referral each" -t8 -c8 -s "$WORK/transition.lua" "$BASE"
run "GET /api/v1/referrals?direction=incoming&limit=20, 16 connections" -t2 -c16 -H "Authorization: Bearer $CASEWORKER" "$BASE/api/v1/referrals?direction=incoming&limit=20"

# Every call above wrote an audit entry to almaty's chain; verify the whole chain once and time it.
AUDITOR=$(mint almaty auditor)
START=$(date +%s%N)
VERIFIED=$(curl -sf "$BASE/api/v1/audit/verification" -H "Authorization: Bearer $AUDITOR")
echo "== GET /api/v1/audit/verification: $VERIFIED in $(( ($(date +%s%N) - START) / 1000000 )) ms"
