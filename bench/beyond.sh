#!/usr/bin/env bash
# The paths of issue 24 (recipients off the platform, emergency access, her data report), against the packaged
# service and PostgreSQL with durable settings; tokens signed here with the test keys, so Keycloak is not needed.
#
#   bench/beyond.sh                  # RUNS=50 sequential calls of each path after one cold call
#
# Prints, for each path, the cold call (the first after start: templates, fonts and PDFBox loaded on first use) and
# the median and 95th percentile of the warm ones, in milliseconds as curl measures them on loopback; and the size of
# the PDF. One caller at a time: these are a person's clicks, not a partner system's stream.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-50}
. bench/lib.sh
build_service
start_postgres
# shellcheck disable=SC2046
start_service $(test_key_oidc)

COORD=$(mint almaty coordinator)
agency() { post /api/v1/agencies "$COORD" "{\"name\":\"$1 $RANDOM$RANDOM\",\"kind\":\"$2\",\"services\":$3}" | json_field id; }
POLICE=$(agency "Bench precinct" POLICE '[]')
HOSPITAL=$(agency "Bench hospital" HEALTH '[]')
INSPECTOR=$(mint almaty police-inspector "$POLICE")
DOCTOR=$(mint almaty social-worker "$HOSPITAL")
CASE=$(post /api/v1/cases "$INSPECTOR" '{"survivor":{"fullName":"Bench Survivor","birthDate":"1990-01-01"},"riskLevel":"HIGH"}' | json_field id)

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
get() { curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" ${3:+-H "Accept: $3"} "$BASE$2"; }

echo "| path | cold ms | median ms | p95 ms |"
echo "| --- | --- | --- | --- |"
times "her data report, PDF (kk)" get "$INSPECTOR" "/api/v1/cases/$CASE/data-report?lang=kk" application/pdf
times "her data report, JSON" get "$INSPECTOR" "/api/v1/cases/$CASE/data-report" application/json

ACCESS=$(post /api/v1/emergency-access "$DOCTOR" "{\"caseId\":\"$CASE\",\"reason\":\"MEDICAL_EMERGENCY\",\"note\":\"bench\"}" | json_field id)
times "emergency view" get "$DOCTOR" "/api/v1/emergency-access/$ACCESS/case"

REFERRAL=$(post /api/v1/referrals "$INSPECTOR" "{\"caseId\":\"$CASE\",\"externalRecipient\":{\"organisation\":\"Bench clinic\",\"phone\":\"+7 700 000 00 00\"},\"servicesRequested\":[\"MEDICAL_CARE\"],\"emergencyReason\":\"bench\",\"submit\":true}")
REFERRAL_ID=$(echo "$REFERRAL" | json_field id)
LINK=$(post "/api/v1/referrals/$REFERRAL_ID/external-links" "$INSPECTOR" '')
PAGE=$(echo "$LINK" | python3 -c "import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(sys.stdin)['url']).path)")
times "the recipient page, before the code" curl -sf -o /dev/null -w '%{time_total}\n' "$BASE$PAGE"
SIZE=$(curl -sf -H "Authorization: Bearer $INSPECTOR" -H 'Accept: application/pdf' "$BASE/api/v1/cases/$CASE/data-report?lang=kk" | wc -c)
echo
echo "PDF size: $SIZE bytes; $RUNS warm calls per path, one at a time"
