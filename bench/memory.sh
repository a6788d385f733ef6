#!/usr/bin/env bash
# The service's resident memory under load, for the Helm chart's JVM options or others side by side (issue 26,
# part 4), and what each set of options costs in collections and requests/s.
#
#   bench/memory.sh                                       # the chart's options; about 6 minutes
#   OPTIONS_2="-Xms192m -Xmx192m ..." bench/memory.sh     # the chart's, then these, on the same database
#   NMT=1 bench/memory.sh                                 # also where the memory outside the heap goes
#   BURST_DURATION=0 bench/memory.sh                      # without the burst of 5 MiB documents at every slot
#
# Each set of options gets a service of its own (JDK 25 and an AOT cache trained with those options, as the image
# trains its own), on PostgreSQL with durable settings and a small seed (REFERRALS=20000). Tokens are signed here
# with the test keys, so Keycloak is not started. Every path is driven once to warm the JVM, then again for
# DURATION (30s) while the resident set is sampled every half second: the incident POST, the incoming list, one
# referral (16 connections) and a 256 KiB document uploaded (3) and downloaded (8), the largest buffers the service
# holds. Printed per set: requests/s and the peak resident set per path, the collections (young, full, and the
# full ones' total pause) over the whole run, the live heap after a last full collection and, with NMT=1, native
# memory tracking's summary (which itself costs a few MiB). Then a burst of 5 MiB documents at every upload and
# download slot (BURST_DURATION, 60 s): the calls each made and refused, the peak resident set, and whether the
# service is still up (the script fails if it is not).
set -euo pipefail
cd "$(dirname "$0")/.."
REFERRALS=${REFERRALS:-20000}
INCIDENTS=${INCIDENTS:-5000}
AGENCIES=${AGENCIES:-50}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-16}
# The burst of the largest documents after the paths (0: none), and their size: the deployment's largest by default.
BURST_DURATION=${BURST_DURATION:-60s}
BURST_BYTES=${BURST_BYTES:-5242880}
. bench/lib.sh
CHART_OPTIONS=$JVM_OPTIONS
OPTION_SETS=("$CHART_OPTIONS")
for n in 2 3 4; do v="OPTIONS_$n"; [ -z "${!v:-}" ] || OPTION_SETS+=("${!v}"); done
JDK_BIN=$(dirname "$SERVICE_JAVA")
NGO_CENTRE=0192a000-0000-7000-8000-000000000103
POLICE=0192a000-0000-7000-8000-000000000101

build_service
start_postgres > /dev/null
# shellcheck disable=SC2046
start_service $(test_key_oidc)
stop_service
psql -q -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_agencies.sql
psql -q -v ON_ERROR_STOP=1 -v key_id=bench -v referrals="$REFERRALS" -v incidents="$INCIDENTS" -v agencies="$AGENCIES" -f bench/seed.sql

DISPATCH=$(mint almaty police-dispatch "$POLICE")
INSPECTOR=$(mint almaty police-inspector "$POLICE")
CASEWORKER=$(mint almaty ngo-caseworker "$NGO_CENTRE")
cat > "$WORK/report.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("RESULT %.0f %d\n", summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
incident_lua "$WORK/incident.lua" "$DISPATCH"
cat "$WORK/report.lua" >> "$WORK/incident.lua"
{ echo "wrk.headers[\"Authorization\"] = \"Bearer $CASEWORKER\""; cat "$WORK/report.lua"; } > "$WORK/caseworker.lua"
document_lua "$WORK/upload.lua" "$CASEWORKER"
cat "$WORK/report.lua" >> "$WORK/upload.lua"

# held: the bytes documents in flight hold now, and the budget (the service's gauges)
held() {
  curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^qorgau_documents_memory_reserved_bytes/ {r=$2}
    /^qorgau_documents_memory_budget_bytes/ {b=$2} /^qorgau_documents_uploads_in_flight/ {u=$2}
    /^qorgau_documents_downloads_in_flight/ {d=$2}
    END {printf "documents hold %d bytes of a budget of %d; uploads in flight %d, downloads %d", r, b, u, d}'
}

# burst: documents of the largest size at every slot at once, both networks, for BURST_DURATION: per network three
# uploads by one caller and one by another (all four of the replica's upload slots), and four downloads (eight in
# all, every download slot). Most calls are refused 503 and sent again at once; what matters is that the replica stays
# up. Before documents shared a memory budget, the chart's 256 MiB heap ran out within the minute and the JVM exited.
burst() {
  local t big="$WORK/largest.pdf" pids=() sampler who upload
  # Nothing may be held between calls: room a document did not give back would show here.
  echo "  before the burst, $(held)"
  declare -A police=([almaty]=$POLICE [astana]=0192a000-0000-7000-8000-000000000201)
  declare -A centre=([almaty]=$NGO_CENTRE [astana]=0192a000-0000-7000-8000-000000000203)
  # Made whole in one step: a pipe cut short by head ended the script on its SIGPIPE (pipefail).
  python3 -c 'import base64, os, sys
size = int(sys.argv[1])
sys.stdout.write("%PDF-1.7\n" + base64.b64encode(os.urandom(size)).decode()[: size - 16] + "\n%%EOF\n")' "$BURST_BYTES" > "$big"
  for t in almaty astana; do
    local inspector caseworker case_id referral document answer
    inspector=$(mint $t police-inspector "${police[$t]}")
    caseworker=$(mint $t ngo-caseworker "${centre[$t]}")
    case_id=$(post /api/v1/cases "$inspector" '{"survivor":{"fullName":"Bench Survivor"},"riskLevel":"HIGH"}' | json_field id)
    post "/api/v1/cases/$case_id/consents" "$inspector" \
      "{\"recipientAgencyIds\":[\"${centre[$t]}\"],\"categories\":[\"IDENTITY\",\"INCIDENT_DETAILS\"],\"method\":\"WRITTEN\"}" >/dev/null
    referral=$(post /api/v1/referrals "$inspector" \
      "{\"caseId\":\"$case_id\",\"receiverAgencyId\":\"${centre[$t]}\",\"servicesRequested\":[\"PSYCHOLOGICAL_COUNSELLING\"],\"submit\":true}" | json_field id)
    upload="$BASE/api/v1/referrals/$referral/documents?kind=OTHER&category=INCIDENT_DETAILS"
    answer=$(curl -s -X POST "$upload" -H "Authorization: Bearer $caseworker" -H 'Content-Type: application/pdf' \
      --data-binary "@$big")
    document=$(json_field id <<< "$answer") || { echo "the burst's first document was refused: $answer" >&2; exit 1; }
    for who in caseworker inspector; do
      { echo 'wrk.method = "POST"'; echo "wrk.headers[\"Authorization\"] = \"Bearer ${!who}\""
        echo 'wrk.headers["Content-Type"] = "application/pdf"'
        echo "local file = io.open(\"$big\", \"rb\")"; echo 'wrk.body = file:read("*a")'; echo 'file:close()'
        cat "$WORK/report.lua"; } > "$WORK/burst-up-$t-$who.lua"
    done
    { echo "wrk.headers[\"Authorization\"] = \"Bearer $caseworker\""; cat "$WORK/report.lua"; } > "$WORK/burst-down-$t.lua"
    echo "$upload" > "$WORK/burst-upload-$t"
    echo "$BASE/api/v1/referrals/$referral/documents/$document/content" > "$WORK/burst-download-$t"
  done
  # Every network's documents are in place before any load starts: else the second network's first upload met the
  # first network's burst.
  for t in almaty astana; do
    upload=$(cat "$WORK/burst-upload-$t")
    wrk -d "$BURST_DURATION" -t1 -c3 -s "$WORK/burst-up-$t-caseworker.lua" "$upload" > "$WORK/burst-up-$t-caseworker" 2>&1 & pids+=($!)
    wrk -d "$BURST_DURATION" -t1 -c1 -s "$WORK/burst-up-$t-inspector.lua" "$upload" > "$WORK/burst-up-$t-inspector" 2>&1 & pids+=($!)
    wrk -d "$BURST_DURATION" -t1 -c4 -s "$WORK/burst-down-$t.lua" "$(cat "$WORK/burst-download-$t")" \
      > "$WORK/burst-down-$t" 2>&1 & pids+=($!)
  done
  echo 0 > "$WORK/rss"; sample_rss & sampler=$!
  wait "${pids[@]}" || true
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "  burst of $BURST_BYTES-byte documents at every slot, both networks, $BURST_DURATION (calls, of which not 2xx):"
  for who in up-almaty-caseworker up-almaty-inspector up-astana-caseworker up-astana-inspector down-almaty down-astana; do
    printf '    %-22s %s\n' "$who" "$(awk '/requests in/ {n=$1} /Non-2xx/ {f=$NF} END {printf "%d, %d", n, f}' "$WORK/burst-$who")"
  done
  echo "  burst peak resident $(( $(cat "$WORK/rss") / 1024 )) MiB"
  sleep 1
  echo "  after the burst, $(held)"
  if ! kill -0 "$SERVICE" 2>/dev/null; then
    grep -m1 -i 'OutOfMemory' "$BENCH_DIR/service.log" || true
    echo "the service did not survive the burst" >&2
    exit 1
  fi
  "$JDK_BIN/jstat" -gc "$SERVICE" | awk 'NR == 2 {printf "  after the burst, collections: %d young (%.2f s), %d full (%.2f s)\n", $13, $14, $15, $16}'
}

# drive DURATION SCRIPT URL [wrk options...]: prints requests/s, the calls not answered 2xx, and the peak resident
# set in MiB
drive() {
  local duration=$1 script=$2 url=$3 out sampler
  shift 3
  echo 0 > "$WORK/rss"
  sample_rss & sampler=$!
  out=$(wrk -d "$duration" -t2 -c"$CONNECTIONS" -s "$script" "$@" "$url" | sed -n 's/^RESULT //p')
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  echo "$out $(( $(cat "$WORK/rss") / 1024 ))"
}

for options in "${OPTION_SETS[@]}"; do
  JVM_OPTIONS="$options${NMT:+ -XX:NativeMemoryTracking=summary}"
  if [ -n "$AOT_CACHE" ]; then
    rm -f "$BENCH_DIR/app/$AOT_CACHE"
    [[ "$JVM_OPTIONS" == *-XX:AOTCache=* ]] && train_aot_cache "$BENCH_DIR/app"
  fi
  # shellcheck disable=SC2046
  start_service $(test_key_oidc)
  echo "== $options"
  echo "start: $SERVICE_START_MS ms, resident $(( $(awk '/VmRSS/ {print $2}' "/proc/$SERVICE/status") / 1024 )) MiB once ready"
  CASE=$(post /api/v1/cases "$INSPECTOR" '{"survivor":{"fullName":"Bench Survivor"},"riskLevel":"HIGH"}' | json_field id)
  post "/api/v1/cases/$CASE/consents" "$INSPECTOR" "{\"recipientAgencyIds\":[\"$NGO_CENTRE\"],\"categories\":[\"IDENTITY\"],\"method\":\"WRITTEN\"}" >/dev/null
  REFERRAL=$(post /api/v1/referrals "$INSPECTOR" "{\"caseId\":\"$CASE\",\"receiverAgencyId\":\"$NGO_CENTRE\",\"servicesRequested\":[\"PSYCHOLOGICAL_COUNSELLING\"],\"submit\":true}" | json_field id)
  UPLOAD="$BASE/api/v1/referrals/$REFERRAL/documents?kind=OTHER&category=INCIDENT_DETAILS"
  DOCUMENT=$(curl -sf -X POST "$UPLOAD" -H "Authorization: Bearer $CASEWORKER" -H 'Content-Type: application/pdf' \
    --data-binary "@$WORK/document.pdf" | json_field id)
  paths=(
    "incident POST|$WORK/incident.lua|$BASE/api/v1/incidents|"
    "incoming list|$WORK/caseworker.lua|$BASE/api/v1/referrals?direction=incoming&limit=20|"
    "one referral|$WORK/caseworker.lua|$BASE/api/v1/referrals/$REFERRAL|"
    "document upload, 256 KiB|$WORK/upload.lua|$UPLOAD|-c3"
    "document download|$WORK/caseworker.lua|$BASE/api/v1/referrals/$REFERRAL/documents/$DOCUMENT/content|-c8"
  )
  for pass in warm measured; do
    for path in "${paths[@]}"; do
      IFS='|' read -r name script url extra <<< "$path"
      # shellcheck disable=SC2086
      read -r rps failed rss <<< "$(drive "$([ $pass = warm ] && echo "$WARMUP" || echo "$DURATION")" "$script" "$url" $extra)"
      # A run whose calls failed measured the service refusing them, not serving them.
      [ "$failed" = 0 ] || { echo "$name: $failed calls not answered 2xx" >&2; tail -20 "$BENCH_DIR/service.log"; exit 1; }
      [ $pass = warm ] || printf '  %-26s %6s req/s  peak resident %4s MiB\n' "$name" "$rps" "$rss"
    done
  done
  "$JDK_BIN/jstat" -gc "$SERVICE" | awk 'NR == 2 {printf "  collections: %d young (%.2f s), %d full (%.2f s)\n", $13, $14, $15, $16}'
  "$JDK_BIN/jcmd" "$SERVICE" GC.run > /dev/null
  "$JDK_BIN/jcmd" "$SERVICE" Compiler.codecache | sed -n 's/^CodeCache: size=[0-9]*Kb, */  compiled code: /p'
  "$JDK_BIN/jcmd" "$SERVICE" GC.heap_info | sed -n 's/^ *\(DefNew\|Tenured\) *total \([0-9]*K\), used \([0-9]*K\).*/  after a full collection, \1: \3 used of \2/p'
  echo "  resident after the last full collection: $(( $(awk '/VmRSS/ {print $2}' "/proc/$SERVICE/status") / 1024 )) MiB"
  [ -z "${NMT:-}" ] || "$JDK_BIN/jcmd" "$SERVICE" VM.native_memory summary scale=MB \
    | grep -E '^(Total|-  *[A-Za-z ]+ \(reserved)' | sed 's/^/  /'
  [ "$BURST_DURATION" = 0 ] || burst
  stop_service
done
