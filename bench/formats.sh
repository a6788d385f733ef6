#!/usr/bin/env bash
# The paths of issue 25 (languages, the vocabulary, spreadsheets, HSDS), against the packaged service and PostgreSQL
# with durable settings; tokens signed here with the test keys, so Keycloak is not needed.
#
#   bench/formats.sh                 # RUNS=50 sequential calls of each path after one cold call; AGENCIES=200
#
# Prints, for each path, the cold call and the median and 95th percentile of the warm ones, in milliseconds as curl
# measures them on loopback. A problem detail in English against the same in Kazakh is what the translation (the
# catalogue's templates matched against the English text) costs; the HSDS export and import are of a directory of
# AGENCIES agencies with full entries.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-50}
AGENCIES=${AGENCIES:-200}
. bench/lib.sh
build_service
start_postgres
# shellcheck disable=SC2046
start_service $(test_key_oidc)

COORD=$(mint almaty coordinator)
for i in $(seq "$AGENCIES"); do
  ID=$(post /api/v1/agencies "$COORD" "{\"name\":\"Bench centre $i $RANDOM\",\"kind\":\"NGO_CRISIS_CENTRE\",\"services\":[\"SHELTER\"]}" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  ETAG=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $COORD" "$BASE/api/v1/agencies/$ID" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  curl -sf -o /dev/null -X PUT "$BASE/api/v1/agencies/$ID/directory-entry" -H "Authorization: Bearer $COORD" \
    -H 'Content-Type: application/json' -H "If-Match: $ETAG" \
    -d '{"services":["SHELTER","PSYCHOLOGICAL_COUNSELLING","LEGAL_AID"],"districts":["Almaly","Medeu","Bostandyk"],"languages":["kk","ru"],"hours":"Round the clock","freePlaces":4,"acceptingReferrals":true,"contactPoint":"Duty phone +7 727 000 11 22"}'
done
WORKER=$(mint almaty ngo-caseworker "$ID")

# times NAME CMD...: one cold run, then RUNS warm ones; curl prints time_total in seconds.
times() {
  local name=$1; shift
  local cold; cold=$("$@")
  for _ in $(seq "$RUNS"); do "$@"; done | python3 -c "
import sys, statistics
xs = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p95 = xs[max(0, int(len(xs) * 0.95) - 1)]
print(f'| $name | {float($cold) * 1000:.0f} | {statistics.median(xs):.1f} | {p95:.1f} |')"
}
# get TOKEN PATH [ACCEPT] [LANGUAGE]: any status; the time only.
get() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" ${3:+-H "Accept: $3"} ${4:+-H "Accept-Language: $4"} "$BASE$2"; }
bad_referral() { curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $WORKER" -H 'Content-Type: application/json' ${1:+-H "Accept-Language: $1"} -d '{"caseId":"x","servicesRequested":[],"priority":"SOON"}' "$BASE/api/v1/referrals"; }

MISSING=/api/v1/referrals/0192a000-0000-7000-8000-00000000dead
echo "| path | cold ms | median ms | p95 ms |"
echo "| --- | --- | --- | --- |"
times "404 problem, English" get "$WORKER" "$MISSING" "" en
times "404 problem, Kazakh" get "$WORKER" "$MISSING" "" kk
times "400 problem with a field error, English" bad_referral en
times "400 problem with a field error, Russian" bad_referral ru
times "vocabulary, Kazakh" get "$WORKER" /api/v1/vocabulary "" kk
times "referral statistics, JSON" get "$COORD" /api/v1/statistics/referrals application/json
times "referral statistics, CSV (ru)" get "$COORD" /api/v1/statistics/referrals text/csv ru
times "HSDS export, $AGENCIES+ agencies" get "$COORD" /api/v1/directory/hsds
EXPORT=$(mktemp)
# Each import is of a fresh export: an import changes the entries, so the file before it is stale (409) afterwards.
import_once() {
  curl -sf -H "Authorization: Bearer $COORD" "$BASE/api/v1/directory/hsds" > "$EXPORT"
  curl -sf -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $COORD" -H 'Content-Type: application/json' --data-binary "@$EXPORT" "$BASE/api/v1/directory/hsds"
}
curl -sf -H "Authorization: Bearer $COORD" "$BASE/api/v1/directory/hsds" > "$EXPORT"
SIZE=$(wc -c < "$EXPORT")
RUNS=$(( RUNS < 10 ? RUNS : 10 )) times "HSDS import of that export (schema check, all entries replaced)" import_once
rm -f "$EXPORT"
echo
echo "HSDS export: $SIZE bytes; $RUNS warm calls per path (10 for the import), one at a time"
