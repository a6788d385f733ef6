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

PORT=${PORT:-8089}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-8s}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
KEYS=src/test/resources/keys
ISSUER_BASE=https://bench.qorgau.test/realms

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# mint TENANT ROLE [AGENCY]: an RS256 access token shaped like the realms' ones.
mint() {
  local tenant=$1 role=$2 agency=${3:-} now header payload signature agency_claim=""
  now=$(date +%s)
  [ -n "$agency" ] && agency_claim=",\"agency_id\":\"$agency\""
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
  payload=$(printf '{"iss":"%s/%s","sub":"bench-%s","iat":%d,"exp":%d,"tenant":"%s","aud":"qorgau-api","realm_access":{"roles":["%s"]}%s}' \
    "$ISSUER_BASE" "$tenant" "$role" "$now" "$((now + 7200))" "$tenant" "$role" "$agency_claim" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS/$tenant-private.pem" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
public_key() { grep -v -- ----- "$KEYS/$1-public.pem" | tr -d '\n'; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${4:+-H "If-Match: $4"} -d "$3"; }

java -Dquarkus.http.port="$PORT" \
  -Dqorgau.tenants.almaty.name=Almaty -Dqorgau.tenants.astana.name=Astana \
  -Dquarkus.oidc.almaty.public-key="$(public_key almaty)" -Dquarkus.oidc.almaty.token.issuer="$ISSUER_BASE/almaty" \
  -Dquarkus.oidc.astana.public-key="$(public_key astana)" -Dquarkus.oidc.astana.token.issuer="$ISSUER_BASE/astana" \
  -Dquarkus.oidc.almaty.token.audience=qorgau-api -Dquarkus.oidc.astana.token.audience=qorgau-api \
  -Dqorgau.encryption.keys.bench="$(openssl rand -base64 32)" -Dqorgau.encryption.active-key=bench \
  -Dqorgau.encryption.search-key="$(openssl rand -base64 32)" -Dqorgau.audit.chain-key="$(openssl rand -base64 32)" \
  -Dquarkus.log.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
START=$(date +%s%N)
until curl -sf -o /dev/null "$BASE/q/health/ready"; do sleep 0.1; done
echo "service ready after $(( ($(date +%s%N) - START) / 1000000 )) ms"

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
